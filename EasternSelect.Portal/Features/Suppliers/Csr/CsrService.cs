using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Csr;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Csr;

public sealed record CsrRow(int Id, int Year, int LabourScore, int EnvironmentScore, int EthicsScore, int SafetyScore, decimal Score, string? Notes, string EvaluatedBy, DateTime UpdatedUtc, Guid Version);

public sealed record CsrSupplier(int Id, string Name, IReadOnlyList<CsrRow> Evaluations);

/// <summary>The CSR questionnaire form: new when <see cref="Id"/> is 0, otherwise an edit of the copy with <see cref="Version"/>.</summary>
public sealed class CsrForm
{
    public int Id { get; set; }

    public int SupplierId { get; set; }

    public Guid Version { get; set; }

    [Range(2000, 2100)]
    public int Year { get; set; }

    [Range(0, 100)]
    public int LabourScore { get; set; }

    [Range(0, 100)]
    public int EnvironmentScore { get; set; }

    [Range(0, 100)]
    public int EthicsScore { get; set; }

    [Range(0, 100)]
    public int SafetyScore { get; set; }

    [MaxTextLength(2000)]
    public string? Notes { get; set; }

    public static CsrForm From(int supplierId, CsrRow row) => new()
    {
        Id = row.Id, SupplierId = supplierId, Version = row.Version, Year = row.Year, LabourScore = row.LabourScore,
        EnvironmentScore = row.EnvironmentScore, EthicsScore = row.EthicsScore, SafetyScore = row.SafetyScore, Notes = row.Notes,
    };
}

/// <summary>Yearly CSR evaluations (企業社會責任評估) per supplier, one per year; their latest score feeds the tier evaluation.</summary>
public sealed class CsrService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser)
{
    public async Task<CsrSupplier?> GetAsync(int supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var rows = await db.CsrEvaluations.AsNoTracking()
            .Where(c => c.SupplierId == supplierId)
            .OrderByDescending(c => c.Year)
            .Select(c => new { c.Id, c.Year, c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore, c.Notes, c.EvaluatedBy, c.UpdatedUtc, c.Version })
            .ToListAsync(ct);
        return new CsrSupplier(supplierId, name, [.. rows.Select(c => new CsrRow(
            c.Id, c.Year, c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore,
            Mean(c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore), c.Notes, c.EvaluatedBy, c.UpdatedUtc, c.Version))]);
    }

    public async Task<Result> SaveAsync(CsrForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await guard.EnsureAsync(Policies.CsrEvaluate);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Suppliers.AnyAsync(s => s.Id == form.SupplierId, ct))
        {
            return Result.Fail("Csr.SupplierNotFound");
        }

        if (await db.CsrEvaluations.AnyAsync(c => c.SupplierId == form.SupplierId && c.Year == form.Year && c.Id != form.Id, ct))
        {
            return DuplicateYear(form.Year);
        }

        CsrEvaluation evaluation;
        if (form.Id == 0)
        {
            evaluation = new CsrEvaluation { SupplierId = form.SupplierId };
            db.CsrEvaluations.Add(evaluation);
        }
        else
        {
            var existing = await db.CsrEvaluations.SingleOrDefaultAsync(c => c.Id == form.Id && c.SupplierId == form.SupplierId, ct);
            if (existing is null)
            {
                return Result.Conflicted();
            }

            evaluation = existing;
            db.Entry(evaluation).Property(c => c.Version).OriginalValue = form.Version;
        }

        evaluation.Year = form.Year;
        evaluation.LabourScore = form.LabourScore;
        evaluation.EnvironmentScore = form.EnvironmentScore;
        evaluation.EthicsScore = form.EthicsScore;
        evaluation.SafetyScore = form.SafetyScore;
        evaluation.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        evaluation.EvaluatedBy = currentUser.Actor.UserName;
        var errors = evaluation.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
        catch (DbUpdateException)
        {
            // The unique (supplier, year) index: someone added the same year a moment earlier.
            return DuplicateYear(form.Year);
        }

        return Result.Ok(evaluation.Id);
    }

    private static Result DuplicateYear(int year) => Result.Fail("Csr.DuplicateYear|" + year.ToString(CultureInfo.InvariantCulture));

    /// <summary>Each supplier's latest CSR score up to <paramref name="upToYear"/>.</summary>
    public async Task<IReadOnlyDictionary<int, decimal>> LatestScoresAsync(int upToYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierView);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LatestScoresAsync(db, upToYear, ct);
    }

    /// <summary>One query for all suppliers (used inside the tier evaluation's own context).</summary>
    internal static async Task<Dictionary<int, decimal>> LatestScoresAsync(PortalDbContext db, int upToYear, CancellationToken ct)
    {
        var rows = await db.CsrEvaluations.AsNoTracking()
            .Where(c => c.Year <= upToYear)
            .Select(c => new { c.SupplierId, c.Year, c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore })
            .ToListAsync(ct);
        return rows.GroupBy(c => c.SupplierId)
            .Select(g => g.MaxBy(c => c.Year)!)
            .ToDictionary(c => c.SupplierId, c => Mean(c.LabourScore, c.EnvironmentScore, c.EthicsScore, c.SafetyScore));
    }

    private static decimal Mean(int labour, int environment, int ethics, int safety) =>
        new CsrEvaluation { LabourScore = labour, EnvironmentScore = environment, EthicsScore = ethics, SafetyScore = safety }.Score;
}
