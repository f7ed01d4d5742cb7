using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Operations;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Settings.KpiTargets;

/// <summary>One year's targets as stored (the history lists every year that has its own).</summary>
public sealed record KpiTargetRow(int Id, int Year, decimal DefectPercent, decimal ShortagePercent, decimal ReturnPercent, decimal NonQualityReturnPercent, string SetBy, DateTime UpdatedUtc, Guid Version);

/// <summary>A year's targets as edited; the domain validates them (<see cref="KpiTarget.Validate"/>).</summary>
public sealed class KpiTargetForm
{
    public int Year { get; set; }

    public decimal DefectPercent { get; set; } = 3m;

    public decimal ShortagePercent { get; set; } = 3m;

    public decimal ReturnPercent { get; set; } = 3m;

    public decimal NonQualityReturnPercent { get; set; } = 5m;

    /// <summary>The version the person edited (null for a year without its own targets yet).</summary>
    public Guid? Version { get; set; }
}

/// <summary>
/// The yearly KPI targets (/settings/kpi-targets). A year without its own row uses the latest earlier year's
/// (<see cref="OperatingFigures.TargetsAsync"/>); every save is audited by the data layer with old and new values.
/// </summary>
public sealed class KpiTargetService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<KpiTargetRow>> HistoryAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.KpiTargets);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.KpiTargets.AsNoTracking().OrderByDescending(t => t.Year)
            .Select(t => new KpiTargetRow(t.Id, t.Year, t.DefectPercent, t.ShortagePercent, t.ReturnPercent, t.NonQualityReturnPercent, t.SetBy, t.UpdatedUtc, t.Version))
            .ToListAsync(ct);
    }

    /// <summary>The targets that apply in <paramref name="year"/> (its own or the latest earlier year's).</summary>
    public async Task<KpiTargetValues> ForYearAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.KpiTargets);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OperatingFigures.TargetsAsync(db, year, ct);
    }

    /// <summary>Sets a year's own targets (adds the year or changes it); a stale version is a conflict.</summary>
    public async Task<Result> SaveAsync(KpiTargetForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.KpiTargets);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var target = await db.KpiTargets.FirstOrDefaultAsync(t => t.Year == form.Year, ct);
        if (target is null)
        {
            target = new KpiTarget { Year = form.Year };
            db.KpiTargets.Add(target);
        }
        else if (form.Version is { } version && version != target.Version)
        {
            return Result.Conflicted();
        }
        else
        {
            db.Entry(target).Property(t => t.Version).OriginalValue = form.Version ?? target.Version;
        }

        target.DefectPercent = form.DefectPercent;
        target.ShortagePercent = form.ShortagePercent;
        target.ReturnPercent = form.ReturnPercent;
        target.NonQualityReturnPercent = form.NonQualityReturnPercent;
        target.SetBy = currentUser.Actor.UserName;
        var errors = target.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Conflicted();
        }

        return Result.Ok(target.Id);
    }
}
