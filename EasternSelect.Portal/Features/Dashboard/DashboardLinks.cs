using System.Globalization;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Features.Inspections.Lots;

namespace EasternSelect.Portal.Features.Dashboard;

/// <summary>Where each figure leads: the list page, filtered to the records the figure counts.</summary>
public static class DashboardLinks
{
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Lots(DateOnly? month, LotDecisionFilter? decision = null, CorrectiveActionFilter? action = null) =>
        "/inspections/lots" + Query(("month", month is { } m ? Month(m) : null), ("decision", decision?.ToString()), ("action", action?.ToString()));

    public static string SpotChecks(DateOnly month) => "/inspections/spot-checks?month=" + Month(month);

    public static string Complaints(SlaStatus sla) => "/complaints?view=Open&sla=" + sla;

    public static string Reviews(string tab) => "/suppliers/reviews?tab=" + tab;

    public static string Tiering(int? evaluationId) =>
        evaluationId is { } id ? "/suppliers/tiering?evaluation=" + id.ToString(CultureInfo.InvariantCulture) : "/suppliers/tiering";

    public static string LotRecords(DateOnly from, DateOnly to, LotRecordFilter filter) =>
        "/dashboard/records/lots" + Query(("from", Month(from)), ("to", Month(to)), ("filter", filter.ToString()));

    public static string ComplaintRecords(DateOnly from, DateOnly to, ComplaintRecordFilter filter) =>
        "/dashboard/records/complaints" + Query(("from", Month(from)), ("to", Month(to)), ("filter", filter.ToString()));

    public static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
