using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Infrastructure.Localization;

/// <summary>The one place where a failed <see cref="Result"/>'s error keys become text a person reads.</summary>
public static class ErrorText
{
    /// <summary>
    /// "Key" becomes its translation; "Key|detail" becomes "detail：translation" (detail is a file name or item code),
    /// or the translation with detail in its {0} when the text names it in the sentence ("統一編號 {0} 已有…").
    /// </summary>
    public static string Message(this IStringLocalizer l, string error)
    {
        var bar = error.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return l[error];
        }

        var detail = error[(bar + 1)..];
        var text = l[error[..bar], detail];
        return text.Value != l[error[..bar]].Value ? text : $"{detail}：{text}";
    }

    public static List<string> Messages(this IStringLocalizer l, IEnumerable<string> errors) => errors.Select(e => l.Message(e)).Distinct().ToList();

    public static List<string> Messages(this IStringLocalizer l, Result result) => l.Messages(result.Errors);
}
