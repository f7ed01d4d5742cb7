using System.Globalization;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Sampling;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Reports.Records;

namespace EasternSelect.Portal.Features.Dashboard;

/// <summary>
/// Where each figure leads: the list page a role works in, filtered to the records the figure counts, or — for the
/// 12-month KPIs — the one drill-down page <c>/reports/records/{source}</c> (decision 0007).
/// </summary>
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

    /// <summary>Original lots received in the months (the inspection ratio's denominator).</summary>
    public static string LotsReceived(DateOnly from, DateOnly to) => LotRecords.Link(new LotScope(from, to));

    /// <summary>Decided original lots (pass, defect and shortage rates).</summary>
    public static string LotsDecided(DateOnly from, DateOnly to) => LotRecords.Link(new LotScope(from, to), decided: true);

    /// <summary>Rejected original lots (rejection and return rates).</summary>
    public static string LotsRejected(DateOnly from, DateOnly to) => LotRecords.Link(new LotScope(from, to), decision: LotDecision.Rejected);

    /// <summary>Complaints opened in the months (the complaint rate's numerator).</summary>
    public static string ComplaintsOpened(DateOnly from, DateOnly to) => RecordLinks.For(ComplaintRecords.Name, RecordLinks.Months(from, to));

    /// <summary>Opened in the months and closed (the 7-day closure rate's denominator).</summary>
    public static string ComplaintsClosed(DateOnly from, DateOnly to) => RecordLinks.For(ComplaintRecords.Name, [.. RecordLinks.Months(from, to), ("closed", true)]);

    /// <summary>Opened in the months and closed after the 7-day target.</summary>
    public static string ComplaintsClosedLate(DateOnly from, DateOnly to) =>
        RecordLinks.For(ComplaintRecords.Name, [.. RecordLinks.Months(from, to), ("closedWithinSla", false)]);

    /// <summary>
    /// The drill-down address of an old <c>/dashboard/records/lots?from=&amp;to=&amp;filter=</c> link. A missing month is the
    /// window's, as the old page read it; a filter word it never had is passed on, so the records page refuses it.
    /// </summary>
    public static string OldLotRecords(string? from, string? to, string? filter, DateOnly windowFrom, DateOnly windowTo) => filter switch
    {
        null or "" or "Received" => RecordLinks.For(LotRecords.Name, OldMonths(from, to, windowFrom, windowTo)),
        "Inspected" => RecordLinks.For(LotRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("decided", true)]),
        "Rejected" => RecordLinks.For(LotRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("decision", LotDecision.Rejected)]),
        _ => RecordLinks.For(LotRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("filter", filter)]),
    };

    /// <summary>The drill-down address of an old <c>/dashboard/records/complaints?from=&amp;to=&amp;filter=</c> link (as <see cref="OldLotRecords"/>).</summary>
    public static string OldComplaintRecords(string? from, string? to, string? filter, DateOnly windowFrom, DateOnly windowTo) => filter switch
    {
        null or "" or "Opened" => RecordLinks.For(ComplaintRecords.Name, OldMonths(from, to, windowFrom, windowTo)),
        "Closed" => RecordLinks.For(ComplaintRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("closed", true)]),
        "ClosedLate" => RecordLinks.For(ComplaintRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("closedWithinSla", false)]),
        _ => RecordLinks.For(ComplaintRecords.Name, [.. OldMonths(from, to, windowFrom, windowTo), ("filter", filter)]),
    };

    private static (string Name, object? Value)[] OldMonths(string? from, string? to, DateOnly windowFrom, DateOnly windowTo) =>
        [("from", string.IsNullOrEmpty(from) ? Month(windowFrom) : from), ("to", string.IsNullOrEmpty(to) ? Month(windowTo) : to)];

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
