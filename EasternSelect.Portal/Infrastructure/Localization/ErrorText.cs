using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Infrastructure.Localization;

/// <summary>The one place where a failed <see cref="Result"/>'s error keys become text a person reads.</summary>
public static class ErrorText
{
    /// <summary>"Key" becomes its translation; "Key|detail" becomes "detail：translation" (detail is a file name or item code).</summary>
    public static string Message(this IStringLocalizer l, string error)
    {
        var bar = error.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? l[error] : $"{error[(bar + 1)..]}：{l[error[..bar]]}";
    }

    public static List<string> Messages(this IStringLocalizer l, IEnumerable<string> errors) => errors.Select(e => l.Message(e)).Distinct().ToList();

    public static List<string> Messages(this IStringLocalizer l, Result result) => l.Messages(result.Errors);
}
