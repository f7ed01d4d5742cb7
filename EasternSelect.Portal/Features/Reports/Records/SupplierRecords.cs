using EasternSelect.Data;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>suppliers?status=&amp;category=&amp;local=&amp;tier=: the suppliers behind a supplier count, contacts masked.</summary>
public sealed class SupplierRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "suppliers";

    public string Source => Name;

    public string Policy => Policies.SupplierRegistry;

    public static string Link(SupplierStatus? status = null, SupplierCategory? category = null, bool? local = null, SupplierTier? tier = null) =>
        RecordLinks.For(Name, ("status", status), ("category", category), ("local", local), ("tier", tier));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var status = filter.Enum<SupplierStatus>("status");
        var category = filter.Enum<SupplierCategory>("category");
        var local = filter.Bool("local");
        var tier = filter.Enum<SupplierTier>("tier");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Suppliers.AsNoTracking();
        query = status is { } s ? query.Where(x => x.Status == s) : query;
        query = category is { } c ? query.Where(x => x.Category == c) : query;
        query = local is { } isLocal ? query.Where(x => (x.CountryCode == "TW") == isLocal) : query;
        query = tier is { } t ? query.Where(x => x.Tier == t) : query;
        var description = RecordTables.Describe(
            (l["Suppliers.Status"], status is null ? null : l["SupplierStatus." + status].Value),
            (l["Suppliers.Category"], category is null ? null : l["SupplierCategory." + category].Value),
            (l["Records.Origin"], local is null ? null : local.Value ? l["Reports.Esg.Local"].Value : l["Reports.Esg.Overseas"].Value),
            (l["Suppliers.Tier"], tier is null ? null : l["SupplierTier." + tier].Value));
        return await RecordTables.ListAsync(
            query.OrderBy(x => x.Name).ThenBy(x => x.Id).Select(x => new { x.Id, x.Name, x.TaxId, x.Category, x.CountryCode, x.Status, x.Tier, x.ContactName, YearlyTransactionVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == x.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault() }),
            page, l["Records.Suppliers"], description,
            [
                new(l["Suppliers.Name"]), new(l["Suppliers.TaxId"]), new(l["Suppliers.Category"]), new(l["Suppliers.Country"]), new(l["Suppliers.Status"]),
                new(l["Suppliers.Tier"]), new(l["SupplierForm.ContactName"]), new(l["Suppliers.Volume"], CellKind.Number),
            ],
            x =>
            [
                ReportCell.Of(x.Name).To($"/suppliers/{x.Id}"), ReportCell.Of(x.TaxId), ReportCell.Of(l["SupplierCategory." + x.Category].Value), ReportCell.Of(x.CountryCode),
                ReportCell.Of(l["SupplierStatus." + x.Status].Value), ReportCell.Of(l["SupplierTier." + x.Tier].Value), ReportCell.Of(PersonalDataMask.Name(x.ContactName)),
                ReportCell.Of(x.YearlyTransactionVolume),
            ],
            ct);
    }
}
