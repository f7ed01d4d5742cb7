using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Audits;

public sealed record AuditRow(int Id, DateOnly AuditDate, string SupplierName, string FactoryName, AuditReason Reason, AuditTrigger Trigger,
    AuditStatus Status, int Findings, int OpenActions, int OverdueActions, double? Average);

public sealed record AuditYear(int Year, IReadOnlyDictionary<AuditReason, int> ByReason, IReadOnlyList<AuditRow> Rows)
{
    public int Total => ByReason.Values.Sum();
}

public sealed record SupplierPick(int Id, string Name, SupplierCategory Category);

public sealed record FindingView(int Id, FactoryItem Item, DefectClass Severity, string Description, IReadOnlyList<FileRef> Photos);

public sealed record ActionView(int Id, string Description, string Owner, DateOnly DueOn, FollowUpStatus Status, DateOnly? DoneOn, bool Overdue);

public sealed record AuditDetail(int Id, Guid Version, SupplierPick Supplier, string? ProductName, AuditReason Reason, AuditTrigger Trigger, string? TriggerNote,
    DateOnly AuditDate, string FactoryName, string AuditorName, AuditStatus Status, string? Summary, IReadOnlyDictionary<FactoryItem, int> Scores,
    decimal? Average, bool? Passed, IReadOnlyList<FindingView> Findings, IReadOnlyList<ActionView> Actions);

public sealed class NewAuditModel
{
    public int? SupplierId { get; set; }

    public AuditReason? Reason { get; set; }

    public AuditTrigger Trigger { get; set; } = AuditTrigger.Scheduled;

    public string? TriggerNote { get; set; }

    public DateTime? AuditDate { get; set; }

    public string? FactoryName { get; set; }
}

public sealed class FindingModel
{
    public FactoryItem? Item { get; set; }

    public DefectClass Severity { get; set; } = DefectClass.Minor;

    public string? Description { get; set; }
}

public sealed class ActionModel
{
    public string? Description { get; set; }

    public string? Owner { get; set; }

    public DateTime? DueOn { get; set; }
}

/// <summary>實地訪廠稽核: plan or trigger an audit, score the five items, findings with photos, follow-up actions.</summary>
public sealed class FactoryAuditService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<AuditYear> ListAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var today = Today();
        var rows = await db.FactoryAudits.AsNoTracking().Where(a => a.AuditDate >= from && a.AuditDate < to)
            .OrderByDescending(a => a.AuditDate).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.AuditDate, a.Supplier!.Name, a.FactoryName, a.Reason, a.Trigger, a.Status, a.Findings.Count,
                a.Actions.Count(x => x.Status == FollowUpStatus.Open), a.Actions.Count(x => x.Status == FollowUpStatus.Open && x.DueOn < today),
                a.Scores.Count == 0 ? null : a.Scores.Average(s => (double)s.Score)))
            .ToListAsync(ct);
        var byReason = Enum.GetValues<AuditReason>().ToDictionary(r => r, r => rows.Count(x => x.Reason == r));
        return new AuditYear(year, byReason, rows);
    }

    public async Task<Result> CreateAsync(NewAuditModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (model.SupplierId is null)
        {
            errors.Add("Audit.SupplierRequired");
        }

        if (model.Reason is null)
        {
            errors.Add("Audit.ReasonRequired");
        }

        if (model.AuditDate is null)
        {
            errors.Add("Audit.DateRequired");
        }

        if (string.IsNullOrWhiteSpace(model.FactoryName))
        {
            errors.Add("Audit.FactoryRequired");
        }
        else if (model.FactoryName.Length > 200)
        {
            errors.Add("Audit.TextTooLong");
        }

        if (model.Trigger == AuditTrigger.Triggered && string.IsNullOrWhiteSpace(model.TriggerNote))
        {
            errors.Add("Audit.TriggerNoteRequired");
        }

        if (model.TriggerNote?.Length > FactoryAudit.TextMaxLength)
        {
            errors.Add("Audit.TextTooLong");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Suppliers.AnyAsync(s => s.Id == model.SupplierId, ct))
        {
            return Result.Fail("Audit.SupplierRequired");
        }

        var audit = FactoryAudit.Plan(model.SupplierId!.Value, null, model.Reason!.Value, model.Trigger, model.TriggerNote,
            DateOnly.FromDateTime(model.AuditDate!.Value), model.FactoryName!, currentUser.Person().Name);
        db.FactoryAudits.Add(audit);
        await db.SaveChangesAsync(ct);
        return Result.Ok(audit.Id);
    }

    public async Task<AuditDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var a = await db.FactoryAudits.AsNoTracking().Include(x => x.Supplier).Include(x => x.Product).Include(x => x.Scores)
            .Include(x => x.Findings).ThenInclude(f => f.Photos).ThenInclude(p => p.File).Include(x => x.Actions)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var today = Today();
        return new AuditDetail(a.Id, a.Version, new SupplierPick(a.SupplierId, a.Supplier!.Name, a.Supplier.Category), a.Product?.Name, a.Reason, a.Trigger, a.TriggerNote,
            a.AuditDate, a.FactoryName, a.AuditorName, a.Status, a.Summary, a.Scores.ToDictionary(s => s.Item, s => s.Score), a.Average, a.Passed,
            a.Findings.OrderBy(f => f.Id).Select(f => new FindingView(f.Id, f.Item, f.Severity, f.Description, f.Photos.Select(p => new FileRef(p.StoredFileId, p.File!.FileName)).ToList())).ToList(),
            a.Actions.OrderBy(x => x.DueOn).ThenBy(x => x.Id).Select(x => new ActionView(x.Id, x.Description, x.Owner, x.DueOn, x.Status, x.DoneOn, x.IsOverdue(today))).ToList());
    }

    /// <summary>Scores the five items and completes the audit (again, when corrected).</summary>
    public async Task<Result> ScoreAsync(int id, Guid version, IReadOnlyDictionary<FactoryItem, int?> scores, string? summary, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var complete = scores.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value);
        var errors = AuditScoring.Errors(complete).ToList();
        if (summary?.Length > FactoryAudit.TextMaxLength)
        {
            errors.Add("Audit.TextTooLong");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return await ChangeAsync(id, version, (_, audit) =>
        {
            audit.Complete(complete, summary);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>
    /// Adds a finding with its photos; the supplier's monthly record of the audit's month counts it (AuditFindings only,
    /// created when missing; the lot and complaint fields of the record belong to other features). One save.
    /// </summary>
    public async Task<Result> AddFindingAsync(int id, Guid version, FindingModel model, IReadOnlyList<Upload> photos, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (model.Item is null)
        {
            errors.Add("Audit.FindingItemRequired");
        }

        if (string.IsNullOrWhiteSpace(model.Description))
        {
            errors.Add("Audit.FindingRequired");
        }
        else if (model.Description.Length > FactoryAudit.TextMaxLength)
        {
            errors.Add("Audit.TextTooLong");
        }

        errors.AddRange(InspectionCommon.CheckUploads(photos, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return await ChangeAsync(id, version, async (db, audit) =>
        {
            var who = currentUser.Person().Name;
            var now = clock.GetUtcNow().UtcDateTime;
            audit.AddFinding(model.Item!.Value, model.Severity, model.Description!, photos.Select(p => InspectionCommon.ToFile(p, who, now)));
            var record = await db.SupplierMonthlyRecords.FirstOrDefaultAsync(r => r.SupplierId == audit.SupplierId && r.Month == audit.Month, ct);
            if (record is null)
            {
                db.SupplierMonthlyRecords.Add(new SupplierMonthlyRecord { SupplierId = audit.SupplierId, Month = audit.Month, AuditFindings = 1 });
            }
            else
            {
                record.AuditFindings++;
            }
        }, ct);
    }

    public async Task<Result> AddActionAsync(int id, Guid version, ActionModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(model.Description))
        {
            errors.Add("Audit.ActionRequired");
        }
        else if (model.Description.Length > FactoryAudit.TextMaxLength)
        {
            errors.Add("Audit.TextTooLong");
        }

        if (string.IsNullOrWhiteSpace(model.Owner))
        {
            errors.Add("Audit.OwnerRequired");
        }
        else if (model.Owner.Length > 200)
        {
            errors.Add("Audit.TextTooLong");
        }

        if (model.DueOn is null)
        {
            errors.Add("Audit.DueRequired");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return await ChangeAsync(id, version, (_, audit) =>
        {
            audit.AddAction(model.Description!, model.Owner!, DateOnly.FromDateTime(model.DueOn!.Value));
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<Result> CompleteActionAsync(int id, Guid version, int actionId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        return await ChangeAsync(id, version, (_, audit) =>
        {
            audit.CompleteAction(actionId, Today());
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Open follow-up actions past their due date, oldest first (for the list's warning).</summary>
    public async Task<int> CountOverdueActionsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = Today();
        return await db.FactoryAudits.SelectMany(a => a.Actions).CountAsync(a => a.Status == FollowUpStatus.Open && a.DueOn < today, ct);
    }

    private async Task<Result> ChangeAsync(int id, Guid version, Func<PortalDbContext, FactoryAudit, Task> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var audit = await db.FactoryAudits.Include(a => a.Scores).Include(a => a.Findings).Include(a => a.Actions).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null)
        {
            return Result.Fail("Audit.NotFound");
        }

        if (audit.Version != version)
        {
            return Result.Conflicted();
        }

        try
        {
            await change(db, audit);
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }

        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        db.Entry(audit).Property(a => a.UpdatedUtc).IsModified = true;
        return await InspectionCommon.SaveAsync(db, ct, audit.Id);
    }

    private DateOnly Today() => clock.TaipeiToday();
}
