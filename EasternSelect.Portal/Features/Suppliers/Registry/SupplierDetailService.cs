using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

public enum TimelineKind
{
    Created,
    Status,
    Tier,
    Review,
    Verdict,
    SpotCheck,
    Training,
    Csr,
}

/// <summary>One line of a supplier's timeline, already worded for the current language.</summary>
public sealed record TimelineEntry(DateTime AtUtc, TimelineKind Kind, string Title, string? Detail, string? By);

public sealed record ContractInfo(DateOnly? SignedOn, DateOnly? ExpiresOn, int? FileId, string? FileName, long? FileLength);

public sealed record CsrSummary(int Year, decimal Score, int Count);

/// <summary>Everything the detail page shows about a supplier. Contacts are masked here.</summary>
public sealed record SupplierDetail(
    int Id, string Name, string TaxId, SupplierCategory Category, string CountryCode, string? Address,
    SupplierStatus Status, string? StatusReason, SupplierTier Tier,
    string ContactName, string ContactPhone, string ContactEmail,
    int WarrantyMonths, decimal YearlyTransactionVolume, Guid Version, DateTime CreatedUtc,
    ContractInfo Contract, CsrSummary? LatestCsr, int ProductCount, IReadOnlyList<TimelineEntry> Timeline);

public sealed record SupplierProductRow(int Id, string Sku, string Name, SalesChannel Channel, decimal Price, ListingStatus ListingStatus, int MonthlyUnitsSold);

/// <summary>
/// Reads a supplier and its history from the tables other features write (status and tier changes,
/// reviews, spot checks, training, CSR): one query per kind, merged into one timeline, newest first.
/// </summary>
public sealed class SupplierDetailService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, IStringLocalizer<SharedResource> l)
{
    public async Task<SupplierDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var s = await db.Suppliers.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.Name, x.TaxId, x.Category, x.CountryCode, x.Address, x.Status, x.StatusReason, x.Tier,
            x.ContactName, x.ContactPhone, x.ContactEmail, x.WarrantyMonths, YearlyTransactionVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == x.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault(), x.Version, x.CreatedUtc,
            x.ContractSignedOn, x.ContractExpiresOn, x.ContractFileId,
        }).SingleOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var file = s.ContractFileId is { } fileId
            ? await db.Files.AsNoTracking().Where(f => f.Id == fileId).Select(f => new { f.FileName, f.Length }).SingleOrDefaultAsync(ct)
            : null;
        var productCount = await db.Products.CountAsync(p => p.SupplierId == id, ct);
        var csr = await db.CsrEvaluations.AsNoTracking().Where(c => c.SupplierId == id)
            .Select(c => new { c.Year, c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore, c.EvaluatedBy, c.Notes, c.CreatedUtc })
            .ToListAsync(ct);
        var latestCsr = csr.OrderByDescending(c => c.Year).FirstOrDefault();

        var timeline = new List<TimelineEntry>();
        timeline.AddRange((await db.SupplierStatusChanges.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync(ct))
            .Select(c => new TimelineEntry(c.ChangedUtc, TimelineKind.Status,
                l["SupplierDetail.Timeline.Status", l["SupplierStatus." + c.From], l["SupplierStatus." + c.To]], Blank(c.Reason), c.ChangedBy)));
        timeline.AddRange((await db.SupplierTierChanges.AsNoTracking().Where(c => c.SupplierId == id).ToListAsync(ct))
            .Select(c => new TimelineEntry(c.ChangedUtc, TimelineKind.Tier,
                l["SupplierDetail.Timeline.Tier", l["SupplierTier." + c.From], l["SupplierTier." + c.To]], Blank(c.Reason), c.ApprovedBy)));

        var reviews = await db.QualificationReviews.AsNoTracking().Where(r => r.SupplierId == id)
            .Select(r => new { r.Method, r.Status, r.ReviewerName, r.StartedUtc, r.SubmittedUtc, r.VerdictUtc, r.VerdictByName, r.VerdictNote, r.Findings })
            .ToListAsync(ct);
        foreach (var r in reviews)
        {
            timeline.Add(new TimelineEntry(r.SubmittedUtc ?? r.StartedUtc, TimelineKind.Review,
                l["SupplierDetail.Timeline.Review", l["SupplierDetail.ReviewMethod." + r.Method]], Blank(r.Findings), r.ReviewerName));
            if (r.VerdictUtc is { } verdictUtc)
            {
                timeline.Add(new TimelineEntry(verdictUtc, TimelineKind.Verdict,
                    l["SupplierDetail.Timeline.Verdict", l["SupplierDetail.ReviewStatus." + r.Status]], Blank(r.VerdictNote), r.VerdictByName));
            }
        }

        timeline.AddRange((await db.MonthlySpotChecks.AsNoTracking().Where(c => c.SupplierId == id)
                .Select(c => new { c.Month, c.Status, c.Result, c.CompletedUtc }).ToListAsync(ct))
            .Select(c => new TimelineEntry(c.CompletedUtc ?? TaiwanTime.StartUtc(c.Month), TimelineKind.SpotCheck,
                l["SupplierDetail.Timeline.SpotCheck", c.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), l["SupplierDetail.SpotCheckStatus." + c.Status]], Blank(c.Result), null)));

        var trainings = await db.TrainingSessions.AsNoTracking()
            .Where(t => t.Attendances.Any(a => a.SupplierId == id))
            .Select(t => new { t.Date, t.Topic, t.Hours, Persons = t.Attendances.Where(a => a.SupplierId == id).Sum(a => a.PersonCount) })
            .ToListAsync(ct);
        timeline.AddRange(trainings.Select(t => new TimelineEntry(t.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), TimelineKind.Training,
            l["SupplierDetail.Timeline.Training", t.Topic],
            l["SupplierDetail.Timeline.TrainingDetail", t.Hours.ToString("0.#", CultureInfo.CurrentCulture), t.Persons.ToString(CultureInfo.CurrentCulture)], null)));

        timeline.AddRange(csr.Select(c => new TimelineEntry(
            TaiwanTime.YearOf(c.CreatedUtc) == c.Year ? c.CreatedUtc : TaiwanTime.StartUtc(new DateOnly(c.Year, 12, 31)), TimelineKind.Csr,
            l["SupplierDetail.Timeline.Csr", c.Year.ToString(CultureInfo.InvariantCulture), CsrScore(c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore).ToString("0.0", CultureInfo.CurrentCulture)],
            Blank(c.Notes), c.EvaluatedBy)));

        timeline.Add(new TimelineEntry(s.CreatedUtc, TimelineKind.Created, l["SupplierDetail.Timeline.Created"], null, null));
        return new SupplierDetail(
            s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Address, s.Status, s.StatusReason, s.Tier,
            PersonalDataMask.Name(s.ContactName), PersonalDataMask.Phone(s.ContactPhone), PersonalDataMask.Email(s.ContactEmail),
            s.WarrantyMonths, s.YearlyTransactionVolume, s.Version, s.CreatedUtc,
            new ContractInfo(s.ContractSignedOn, s.ContractExpiresOn, s.ContractFileId, file?.FileName, file?.Length),
            latestCsr is null ? null : new CsrSummary(latestCsr.Year, CsrScore(latestCsr.LabourScore, latestCsr.EnvironmentScore, latestCsr.EthicsScore, latestCsr.SafetyScore), csr.Count),
            productCount,
            timeline.OrderByDescending(t => t.AtUtc).ToList());
    }

    public async Task<PagedResult<SupplierProductRow>> ProductsAsync(int supplierId, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking().Where(p => p.SupplierId == supplierId);
        var size = Math.Clamp(pageSize, 1, SupplierListService.MaxPageSize);
        var total = await products.CountAsync(ct);
        var rows = await products.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(Math.Max(page, 0) * size).Take(size)
            .Select(p => new SupplierProductRow(p.Id, p.Sku, p.Name, p.Channel, p.Price, p.ListingStatus,
                db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault()))
            .ToListAsync(ct);
        return new PagedResult<SupplierProductRow>(rows, total);
    }

    // The same mean as CsrEvaluation.Score, which EF does not map.
    private static decimal CsrScore(int labour, int environment, int ethics, int safety) =>
        new Domain.Csr.CsrEvaluation { LabourScore = labour, EnvironmentScore = environment, EthicsScore = ethics, SafetyScore = safety }.Score;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
