using EasternSelect.Data;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>委員會: how many product-review and quality-anomaly meetings were held in the year. Aggregates only.</summary>
public sealed class CommitteeEsgSection(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 600;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var reviews = await db.ProductReviewMeetings.AsNoTracking().CountAsync(m => m.MeetingDate >= from && m.MeetingDate < to, ct);
        var anomalies = await db.AnomalyMeetings.AsNoTracking().CountAsync(m => m.MeetingDate >= from && m.MeetingDate < to, ct);
        var table = new ReportTable(
            l["Reports.Esg.Committees"],
            [new(l["Reports.Esg.Meeting"]), new(l["Reports.Esg.MeetingCount"], CellKind.Number)],
            [
                [ReportCell.Of(l["Committee.Title"].Value), ReportCell.Of(reviews).To(MeetingRecords.Link(year, MeetingRecords.Review))],
                [ReportCell.Of(l["Anomaly.Title"].Value), ReportCell.Of(anomalies).To(MeetingRecords.Link(year, MeetingRecords.Anomaly))],
            ]);
        return [new(l["Reports.Esg.Committees"], [new ReportParagraph(l["Reports.Esg.CommitteesText", year, reviews, anomalies]), table])];
    }
}
