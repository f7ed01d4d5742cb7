using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Samples;

/// <summary>The list of labs recognised by the Ministry of Health and Welfare (衛福部認可實驗室) that samples are referred to; the QA manager keeps it.</summary>
public sealed class RecognisedLabService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<IReadOnlyList<LabOption>> LabsAsync(bool includeInactive, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.RecognisedLabs.AsNoTracking().Where(l => includeInactive || l.Active).OrderBy(l => l.Name)
            .Select(l => new LabOption(l.Id, l.Name, l.RecognitionNumber, l.Scope, l.Active)).ToListAsync(ct);
    }

    /// <summary>The QA manager keeps the list of recognised labs: add one.</summary>
    public async Task<Result> AddLabAsync(string? name, string? recognitionNumber, string? scope, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(recognitionNumber))
        {
            return Result.Fail("Lab.NameAndNumberRequired");
        }

        if (name.Length > 200 || recognitionNumber.Length > 100 || scope?.Length > 300)
        {
            return Result.Fail("Sample.TextTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var trimmed = name.Trim();
        if (await db.RecognisedLabs.AnyAsync(l => l.Name == trimmed, ct))
        {
            return Result.Fail("Lab.Duplicate");
        }

        db.RecognisedLabs.Add(new RecognisedLab { Name = trimmed, RecognitionNumber = recognitionNumber.Trim(), Scope = scope?.Trim() ?? string.Empty });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Corrects a lab's name, recognition number or scope (referrals keep pointing at the same lab).</summary>
    public async Task<Result> UpdateLabAsync(int labId, string? name, string? recognitionNumber, string? scope, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(recognitionNumber))
        {
            return Result.Fail("Lab.NameAndNumberRequired");
        }

        if (name.Length > 200 || recognitionNumber.Length > 100 || scope?.Length > 300)
        {
            return Result.Fail("Sample.TextTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var lab = await db.RecognisedLabs.FirstOrDefaultAsync(l => l.Id == labId, ct);
        if (lab is null)
        {
            return Result.Fail("Lab.LabRequired");
        }

        var trimmed = name.Trim();
        if (await db.RecognisedLabs.AnyAsync(l => l.Id != labId && l.Name == trimmed, ct))
        {
            return Result.Fail("Lab.Duplicate");
        }

        (lab.Name, lab.RecognitionNumber, lab.Scope) = (trimmed, recognitionNumber.Trim(), scope?.Trim() ?? string.Empty);
        await db.SaveChangesAsync(ct);
        return Result.Ok(lab.Id);
    }

    /// <summary>Who added, changed or withdrew which lab, and when (the audit log).</summary>
    public async Task<IReadOnlyList<ReferenceChange>> HistoryAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReferenceHistory.ForAsync(db, nameof(RecognisedLab), ct);
    }

    /// <summary>Withdraws or restores a lab's recognition; existing referrals keep their lab.</summary>
    public async Task<Result> SetLabActiveAsync(int labId, bool active, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lab = await db.RecognisedLabs.FirstOrDefaultAsync(l => l.Id == labId, ct);
        if (lab is null)
        {
            return Result.Fail("Lab.LabRequired");
        }

        lab.Active = active;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
