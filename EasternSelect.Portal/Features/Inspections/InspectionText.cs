using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Inspections;

/// <summary>Turns a service error ("Key" or "Key|detail", detail being a file name or item code) into a localized message.</summary>
public static class InspectionText
{
    public static string Message(IStringLocalizer l, string error)
    {
        var bar = error.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? l[error] : $"{error[(bar + 1)..]}：{l[error[..bar]]}";
    }

    public static List<string> Messages(IStringLocalizer l, IEnumerable<string> errors) => errors.Select(e => Message(l, e)).Distinct().ToList();
}
