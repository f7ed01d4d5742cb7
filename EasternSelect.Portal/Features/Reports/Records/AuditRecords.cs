using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>audits?year=&amp;reason=: the factory audits of the year behind the audits-by-reason table.</summary>
public sealed class AuditRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "audits";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year, AuditReason? reason = null) => RecordLinks.For(Name, ("year", year), ("reason", reason));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (first, last) = filter.Months();
        var reason = filter.Enum<AuditReason>("reason");
        var from = first;
        var to = last.AddMonths(1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.FactoryAudits.AsNoTracking().Where(a => a.AuditDate >= from && a.AuditDate < to);
        query = reason is { } r ? query.Where(a => a.Reason == r) : query;
        return await RecordTables.ListAsync(
            query.OrderBy(a => a.AuditDate).ThenBy(a => a.Id).Select(a => new { a.Id, a.AuditDate, Supplier = a.Supplier!.Name, a.FactoryName, a.Reason, a.Status }),
            page, l["Records.Audits"],
            RecordTables.Describe((l["Records.PeriodLabel"], RecordTables.Period(l, first, last)), (l["Audit.Reason"], reason is null ? null : l["AuditReason." + reason].Value)),
            [new(l["Audit.Date"], CellKind.Date), new(l["Audit.Supplier"]), new(l["Audit.Factory"]), new(l["Audit.Reason"]), new(l["Audit.Status"])],
            a =>
            [
                ReportCell.Of(a.AuditDate).To($"/inspections/audits/{a.Id}"), ReportCell.Of(a.Supplier), ReportCell.Of(a.FactoryName),
                ReportCell.Of(l["AuditReason." + a.Reason].Value), ReportCell.Of(l["AuditStatus." + a.Status].Value),
            ],
            ct);
    }
}
