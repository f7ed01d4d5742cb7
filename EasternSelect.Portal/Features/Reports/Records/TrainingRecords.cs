using EasternSelect.Data;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>training?year=: the year's training sessions with hours, companies and person-times (the training table's records).</summary>
public sealed class TrainingRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "training";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year) => RecordLinks.For(Name, ("year", year));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (first, last) = filter.Months();
        var from = first;
        var to = last.AddMonths(1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.TrainingSessions.AsNoTracking().Where(s => s.Date >= from && s.Date < to)
            .Select(s => new { s.Id, s.Date, s.Topic, s.Hours, Companies = s.Attendances.Count, Persons = s.Attendances.Sum(a => a.PersonCount) });
        return await RecordTables.ListAsync(
            query.OrderBy(s => s.Date).ThenBy(s => s.Id), page, l["Records.Training"],
            RecordTables.Describe((l["Records.PeriodLabel"], RecordTables.Period(l, first, last))),
            [
                new(l["Training.Date"], CellKind.Date), new(l["Training.Topic"]), new(l["Training.Hours"], CellKind.Number),
                new(l["Training.CompaniesTrained"], CellKind.Number), new(l["Training.PersonTimes"], CellKind.Number),
            ],
            s => [ReportCell.Of(s.Date), ReportCell.Of(s.Topic), ReportCell.Of(s.Hours, s.Hours == Math.Floor(s.Hours) ? 0 : 1), ReportCell.Of(s.Companies), ReportCell.Of(s.Persons)],
            ct);
    }
}
