using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>Which lots a figure counts: months From..To (first days, inclusive), optionally one category or one supplier.</summary>
public sealed record LotScope(DateOnly From, DateOnly To, SupplierCategory? Category = null, int? SupplierId = null)
{
    public static LotScope Year(int year, SupplierCategory? category = null) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), category);

    public static LotScope Month(DateOnly month, SupplierCategory? category = null) => new(month, month, category);
}

/// <summary>
/// lots?from=yyyy-MM&amp;to=yyyy-MM (or year=, month=)&amp;category=&amp;supplier=&amp;decided=&amp;decision=: the original incoming
/// lots (re-inspections are not counted, as in the quality figures) behind a lot count, ratio or rate of the reports,
/// the quality page and the QA and executive dashboards. A lot holds no personal data; its number links to the lot
/// only for those who may open it.
/// </summary>
public sealed class LotRecords(
    IDbContextFactory<PortalDbContext> contexts, IAuthorizationService authorization, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "lots";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year, SupplierCategory? category = null, bool? decided = null, LotDecision? decision = null) =>
        Link(LotScope.Year(year, category), decided, decision);

    public static string Link(LotScope scope, bool? decided = null, LotDecision? decision = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RecordLinks.For(
            Name, [.. RecordLinks.Months(scope.From, scope.To), ("category", scope.Category), ("supplier", scope.SupplierId), ("decided", decided), ("decision", decision)]);
    }

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = filter.Months();
        var category = filter.Enum<SupplierCategory>("category");
        var supplier = filter.Int("supplier", 1, int.MaxValue);
        var decided = filter.Bool("decided");
        var decision = filter.Enum<LotDecision>("decision");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month <= to);
        query = category is { } c ? query.Where(x => x.Category == c) : query;
        query = supplier is { } id ? query.Where(x => x.SupplierId == id) : query;
        query = decided is { } d ? query.Where(x => (x.Status == LotStatus.Decided) == d) : query;
        query = decision is { } dn ? query.Where(x => x.Decision == dn) : query;
        var supplierName = supplier is { } sid ? await db.Suppliers.Where(x => x.Id == sid).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?" : null;
        var period = RecordTables.Period(l, from, to);
        var linked = (await authorization.AuthorizeAsync(currentUser.Principal, Policies.Inspections)).Succeeded;
        var description = RecordTables.Describe(
            (l["Records.PeriodLabel"], period),
            (l["Suppliers.Category"], category is null ? null : l["SupplierCategory." + category].Value),
            (l["Lots.Supplier"], supplierName),
            (l["Records.Decided"], decided is null ? null : decided.Value ? l["Records.Yes"].Value : l["Records.No"].Value),
            (l["Lots.Decision"], decision is null ? null : l["LotDecision." + decision].Value));
        return await RecordTables.ListAsync(
            query.OrderBy(x => x.ReceivedOn).ThenBy(x => x.Id)
                .Select(x => new { x.Id, x.LotNumber, x.ReceivedOn, Supplier = x.Supplier!.Name, Product = x.Product!.Name, x.Category, x.LotSize, x.Decision, x.DefectsFound, x.UnitsShort }),
            page, l["Records.Lots"], description,
            [
                new(l["Lots.LotNumber"]), new(l["Lots.ReceivedOn"], CellKind.Date), new(l["Lots.Supplier"]), new(l["Lots.Product"]), new(l["Suppliers.Category"]),
                new(l["Lots.LotSize"], CellKind.Number), new(l["Lots.Decision"]), new(l["Lots.DefectsFound"], CellKind.Number), new(l["Records.UnitsShort"], CellKind.Number),
            ],
            x =>
            [
                ReportCell.Of(x.LotNumber).To(linked ? $"/inspections/lots/{x.Id}" : null), ReportCell.Of(x.ReceivedOn), ReportCell.Of(x.Supplier), ReportCell.Of(x.Product),
                ReportCell.Of(l["SupplierCategory." + x.Category].Value), ReportCell.Of(x.LotSize),
                ReportCell.Of(x.Decision is null ? l["LotStatus.Received"].Value : l["LotDecision." + x.Decision].Value), ReportCell.Of(x.DefectsFound), ReportCell.Of(x.UnitsShort),
            ],
            ct,
            ["lot", "received", "supplier", "product", "category", "size", "decision", "defects", "short"]);
    }
}
