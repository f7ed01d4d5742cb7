using System.Reflection;
using EasternSelect.Data;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>
/// ASVS 2.1.7: refuses passwords found on a list of common or breached passwords, and ones built
/// from the person's own e-mail name. Length is checked by Identity (12+); there are no composition rules.
/// </summary>
public sealed class CommonPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IsCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = (describer as PortalIdentityErrorDescriber)?.CommonPassword() ?? "This password is too common." })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower) || lower.Distinct().Count() <= 2)
        {
            return true;
        }

        // A common word padded with digits or symbols ("password2026!", "qwerty123456").
        var core = lower.Trim("0123456789!@#$%^&*.-_ ".ToCharArray());
        if (core.Length >= 4 && Common.Value.Contains(core))
        {
            return true;
        }

        var local = email?.Split('@')[0].ToLowerInvariant();
        return local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EasternSelect.Portal.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
