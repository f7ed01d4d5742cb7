namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>The one check for return addresses taken from a query string: a path on this site, or the home page.</summary>
public static class LocalUrl
{
    /// <summary>True for "/path" or "~/path"; false for "//host", "/\host", absolute addresses and control characters.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !HasControlCharacter(url.AsSpan(1)));
        }

        if (url.Length > 1 && url[0] == '~' && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacter(url.AsSpan(2)));
        }

        return false;
    }

    /// <summary>The address when it is local, otherwise "/".</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
