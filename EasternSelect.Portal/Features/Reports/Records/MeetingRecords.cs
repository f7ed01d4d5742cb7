using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>meetings?year=&amp;kind=review|anomaly: the committee meetings held in the year.</summary>
public sealed class MeetingRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "meetings";
    public const string Review = "review";
    public const string Anomaly = "anomaly";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year, string kind) => RecordLinks.For(Name, ("year", year), ("kind", kind));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (first, last) = filter.Months();
        var kind = filter.Text("kind") ?? throw new RecordFilterException("kind is required.");
        var from = first;
        var to = last.AddMonths(1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var columns = new ReportColumn[] { new(l["Committee.MeetingDate"], CellKind.Date), new(l["Records.Meeting"]), new(l["Committee.Status"]) };
        var description = RecordTables.Describe((l["Records.PeriodLabel"], RecordTables.Period(l, first, last)));
        return kind switch
        {
            Review => await RecordTables.ListAsync(
                db.ProductReviewMeetings.AsNoTracking().Where(m => m.MeetingDate >= from && m.MeetingDate < to)
                    .OrderBy(m => m.MeetingDate).ThenBy(m => m.Id).Select(m => new { m.Id, m.MeetingDate, m.Status }),
                page, l["Committee.Title"], description, columns,
                m => [ReportCell.Of(m.MeetingDate).To($"/committees/product-review/{m.Id}"), ReportCell.Of(l["Committee.MeetingTitle"].Value), ReportCell.Of(l["ReviewMeetingStatus." + m.Status].Value)],
                ct),
            Anomaly => await RecordTables.ListAsync(
                db.AnomalyMeetings.AsNoTracking().Where(m => m.MeetingDate >= from && m.MeetingDate < to)
                    .OrderBy(m => m.MeetingDate).ThenBy(m => m.Id).Select(m => new { m.Id, m.MeetingDate, m.Month, m.Kind, m.Status }),
                page, l["Anomaly.Title"], description, columns,
                m =>
                [
                    ReportCell.Of(m.MeetingDate).To($"/committees/anomaly/{m.Id}"),
                    ReportCell.Of(l["Anomaly.Month"].Value + " " + m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + " · " + l["AnomalyMeetingKind." + m.Kind].Value),
                    ReportCell.Of(l["AnomalyMeetingStatus." + m.Status].Value),
                ],
                ct),
            _ => throw new RecordFilterException("kind must be review or anomaly."),
        };
    }
}
