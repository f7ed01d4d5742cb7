using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
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
/// lots?from=yyyy-MM&amp;to=yyyy-MM&amp;category=&amp;supplier=&amp;decided=&amp;decision=: the original incoming lots (re-inspections
/// are not counted, as in the quality figures) behind a lot count, ratio or rate.
/// </summary>
public sealed class LotRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
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
            Name, ("from", scope.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("to", scope.To.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("category", scope.Category), ("supplier", scope.SupplierId), ("decided", decided), ("decision", decision));
    }

    public async Task<RecordList> ListAsync(RecordFilter filter, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = Month(filter, "from");
        var to = Month(filter, "to");
        if (to < from || to > from.AddYears(5))
        {
            throw new RecordFilterException("to must be from 0 to 5 years after from.");
        }

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
        var period = from == to
            ? from.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : from.ToString("yyyy-MM", CultureInfo.InvariantCulture) + " – " + to.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var description = RecordTables.Describe(
            (l["Lots.Month"], period),
            (l["Suppliers.Category"], category is null ? null : l["SupplierCategory." + category].Value),
            (l["Lots.Supplier"], supplierName),
            (l["Records.Decided"], decided is null ? null : decided.Value ? l["Records.Yes"].Value : l["Records.No"].Value),
            (l["Lots.Decision"], decision is null ? null : l["LotDecision." + decision].Value));
        return await RecordTables.ListAsync(
            query.OrderBy(x => x.ReceivedOn).ThenBy(x => x.Id)
                .Select(x => new { x.Id, x.LotNumber, x.ReceivedOn, Supplier = x.Supplier!.Name, Product = x.Product!.Name, x.Category, x.LotSize, x.Decision, x.DefectsFound, x.UnitsShort }),
            limit, l["Records.Lots"], description,
            [
                new(l["Lots.LotNumber"]), new(l["Lots.ReceivedOn"], CellKind.Date), new(l["Lots.Supplier"]), new(l["Lots.Product"]), new(l["Suppliers.Category"]),
                new(l["Lots.LotSize"], CellKind.Number), new(l["Lots.Decision"]), new(l["Lots.DefectsFound"], CellKind.Number), new(l["Records.UnitsShort"], CellKind.Number),
            ],
            x =>
            [
                ReportCell.Of(x.LotNumber).To($"/inspections/lots/{x.Id}"), ReportCell.Of(x.ReceivedOn), ReportCell.Of(x.Supplier), ReportCell.Of(x.Product),
                ReportCell.Of(l["SupplierCategory." + x.Category].Value), ReportCell.Of(x.LotSize),
                ReportCell.Of(x.Decision is null ? l["LotStatus.Received"].Value : l["LotDecision." + x.Decision].Value), ReportCell.Of(x.DefectsFound), ReportCell.Of(x.UnitsShort),
            ],
            ct);
    }

    private static DateOnly Month(RecordFilter filter, string name)
    {
        var text = filter.Text(name) ?? throw new RecordFilterException(name + " is required.");
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year >= 2000
            ? first
            : throw new RecordFilterException(name + " must be yyyy-MM.");
    }
}
