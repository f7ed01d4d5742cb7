using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// lots?year=|month=&amp;category=&amp;decided=&amp;decision=: the original incoming lots (re-inspections are not counted,
/// as in the quality figures) behind a lot count, ratio or rate.
/// </summary>
public sealed class LotRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "lots";

    public string Source => Name;

    public string Policy => Policies.Reports;

    public static string Link(int year, SupplierCategory? category = null, bool? decided = null, LotDecision? decision = null) =>
        RecordLinks.For(Name, ("year", year), ("category", category), ("decided", decided), ("decision", decision));

    public static string MonthLink(DateOnly month, SupplierCategory? category = null, bool? decided = null, LotDecision? decision = null) =>
        RecordLinks.For(Name, ("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("category", category), ("decided", decided), ("decision", decision));

    public async Task<RecordList> ListAsync(RecordFilter filter, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to, period) = Period(filter);
        var category = filter.Enum<SupplierCategory>("category");
        var decided = filter.Bool("decided");
        var decision = filter.Enum<LotDecision>("decision");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month < to);
        query = category is { } c ? query.Where(x => x.Category == c) : query;
        query = decided is { } d ? query.Where(x => (x.Status == LotStatus.Decided) == d) : query;
        query = decision is { } dn ? query.Where(x => x.Decision == dn) : query;
        var description = RecordTables.Describe(
            (l["Lots.Month"], period),
            (l["Suppliers.Category"], category is null ? null : l["SupplierCategory." + category].Value),
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

    /// <summary>The first month and the month after the last: a year (?year=2020) or one month (?month=2020-12).</summary>
    private static (DateOnly From, DateOnly To, string Text) Period(RecordFilter filter)
    {
        if (filter.Text("month") is { } month)
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000)
            {
                throw new RecordFilterException("month must be yyyy-MM.");
            }

            return (first, first.AddMonths(1), month);
        }

        var year = filter.Year;
        return (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), year.ToString(CultureInfo.InvariantCulture));
    }
}
