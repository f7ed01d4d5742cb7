using EasternSelect.Domain.Common;
using System.Globalization;
using System.Text.Json;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Suppliers.Csr;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Tiering;

/// <summary>
/// The tier policy (versioned), the monthly evaluation that proposes tier changes, the QA manager's
/// decisions on them, and the tier history. A supplier's tier changes only when a proposal is approved, and the change takes
/// effect on its inspections in the same transaction (<see cref="TierChangeEffects"/>).
/// </summary>
public sealed class TieringService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l,
    TimeProvider time,
    TierChangeEffects effects)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateOnly Today => time.TaipeiToday();

    public DateOnly DefaultMonth => TierEvaluation.LastFullMonth(Today);

    public async Task<TierPolicyOverview> GetPolicyAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierView);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var current = await EnsurePolicyAsync(db, ct);
        var history = await db.TierPolicies.AsNoTracking().OrderByDescending(p => p.VersionNumber).ToListAsync(ct);
        return new TierPolicyOverview(current, history);
    }

    /// <summary>Saves the edit as a new version; the version it was based on stays as it was.</summary>
    public async Task<Result> SavePolicyAsync(TierPolicyForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await guard.EnsureAsync(Policies.TierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var current = await EnsurePolicyAsync(db, ct);
        if (current.VersionNumber != form.BasedOnVersion)
        {
            return Result.Conflicted();
        }

        var next = current.NextVersion(currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime);
        form.ApplyTo(next);
        var errors = next.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        db.TierPolicies.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique version number: another manager saved version N+1 first.
            return Result.Conflicted();
        }

        return Result.Ok(next.VersionNumber);
    }

    /// <summary>
    /// Scores every qualified supplier over the policy's lookback window ending with <paramref name="month"/>
    /// and proposes a change where the score's tier differs from the current one. Two queries load all
    /// the records and CSR scores at once, so the run stays quick with thousands of suppliers.
    /// </summary>
    public async Task<EvaluationRun> RunEvaluationAsync(DateOnly month, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierManage);
        month = new DateOnly(month.Year, month.Month, 1);
        if (!TierEvaluation.CanEvaluate(month, Today))
        {
            return new EvaluationRun(Result.Fail("Tiering.MonthNotEnded|" + TierReasonText.Month(month)));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.TierEvaluations.AnyAsync(e => e.Month == month, ct))
        {
            return Exists(month);
        }

        var policy = await EnsurePolicyAsync(db, ct);
        var from = TierEvaluation.WindowStart(month, policy.LookbackMonths);
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => s.Status == SupplierStatus.Qualified)
            .Select(s => new { s.Id, s.Tier })
            .ToListAsync(ct);
        var records = (await db.SupplierMonthlyRecords.AsNoTracking()
            .Where(r => r.Month >= from && r.Month <= month)
            .ToListAsync(ct));
        await FillShippedAndComplaintsAsync(db, records, from, month, ct);
        var bySupplier = records.ToLookup(r => r.SupplierId);
        var csr = await CsrService.LatestScoresAsync(db, month.Year, ct);

        var proposals = new List<TierProposal>();
        var evaluated = 0;
        foreach (var supplier in suppliers)
        {
            var own = bySupplier[supplier.Id].ToList();
            if (own.Count == 0)
            {
                continue;
            }

            evaluated++;
            var score = TierScoring.Score(policy, own, csr.TryGetValue(supplier.Id, out var c) ? c : null);
            if (score.Tier != supplier.Tier)
            {
                proposals.Add(new TierProposal
                {
                    SupplierId = supplier.Id,
                    CurrentTier = supplier.Tier,
                    ProposedTier = score.Tier,
                    Score = score.Score,
                    Reasons = JsonSerializer.Serialize(score.Reasons, Json),
                });
            }
        }

        var evaluation = new TierEvaluation
        {
            Month = month,
            TierPolicyId = policy.Id,
            RunBy = currentUser.Actor.UserName,
            RunUtc = time.GetUtcNow().UtcDateTime,
            SuppliersEvaluated = evaluated,
            Proposals = proposals,
        };
        db.TierEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique month: another manager ran the same month a moment earlier.
            return Exists(month);
        }

        return new EvaluationRun(Result.Ok(evaluation.Id), evaluated, proposals.Count, suppliers.Count - evaluated);
    }

    public async Task<IReadOnlyList<EvaluationRow>> ListEvaluationsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierView);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TierEvaluations.AsNoTracking()
            .OrderByDescending(e => e.Month)
            .Select(e => new EvaluationRow(
                e.Id, e.Month, e.TierPolicy!.VersionNumber, e.RunBy, e.RunUtc, e.SuppliersEvaluated,
                e.Proposals.Count, e.Proposals.Count(p => p.Decision == ProposalDecision.Pending)))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ProposalRow>> ListProposalsAsync(int evaluationId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierView);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.TierProposals.AsNoTracking()
            .Where(p => p.TierEvaluationId == evaluationId)
            .OrderBy(p => p.Supplier!.Name)
            .Select(p => new { p.Id, p.SupplierId, p.Supplier!.Name, p.CurrentTier, p.ProposedTier, p.Score, p.Reasons, p.Decision, p.DecidedBy, p.DecidedUtc, p.DecisionNote })
            .ToListAsync(ct);
        return [.. rows.Select(p => new ProposalRow(
            p.Id, p.SupplierId, p.Name, p.CurrentTier, p.ProposedTier, p.Score, ParseReasons(p.Reasons), p.Decision, p.DecidedBy, p.DecidedUtc, p.DecisionNote))];
    }

    /// <summary>Approves each proposal on its own: one that someone else decided first is reported, the rest are applied.</summary>
    public async Task<Decisions> ApproveAsync(IReadOnlyCollection<int> proposalIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposalIds);
        await guard.EnsureAsync(Policies.TierManage);
        var errors = new List<string>();
        var applied = 0;
        var conflict = false;
        foreach (var id in proposalIds.Distinct())
        {
            var result = await DecideAsync(id, approve: true, note: null, ct);
            if (result.Succeeded)
            {
                applied++;
            }
            else
            {
                errors.AddRange(result.Errors);
                conflict |= result.Conflict;
            }
        }

        return new Decisions(errors.Count == 0 ? Result.Ok() : new Result(false, errors, conflict), applied);
    }

    public async Task<Decisions> RejectAsync(int proposalId, string? note, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierManage);
        if (note?.Trim().Length > 500)
        {
            return new Decisions(Result.Fail("Tiering.RejectNoteTooLong"), 0);
        }

        var result = await DecideAsync(proposalId, approve: false, note, ct);
        return new Decisions(result, result.Succeeded ? 1 : 0);
    }

    /// <summary>Recent tier changes across suppliers, newest first.</summary>
    public async Task<PagedResult<TierChangeRow>> TierHistoryAsync(int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TierView);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var size = Math.Clamp(pageSize, 1, 100);
        var total = await db.SupplierTierChanges.CountAsync(ct);
        var rows = await ChangeRows(db, db.SupplierTierChanges).Skip(Math.Max(page, 0) * size).Take(size).ToListAsync(ct);
        return new PagedResult<TierChangeRow>(rows, total);
    }

    /// <summary>One supplier's tier history, newest first (for the supplier page's timeline).</summary>
    public async Task<IReadOnlyList<TierChangeRow>> SupplierTierHistoryAsync(int supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ChangeRows(db, db.SupplierTierChanges.Where(c => c.SupplierId == supplierId)).ToListAsync(ct);
    }

    private static IQueryable<TierChangeRow> ChangeRows(PortalDbContext db, IQueryable<SupplierTierChange> changes) =>
        from c in changes.AsNoTracking()
        join s in db.Suppliers on c.SupplierId equals s.Id
        orderby c.ChangedUtc descending, c.Id descending
        select new TierChangeRow(c.Id, c.SupplierId, s.Name, c.From, c.To, c.Reason, c.ApprovedBy, c.ChangedUtc, c.TierProposalId);

    /// <summary>Decides one proposal in its own transaction; errors name the supplier ("Key|supplier").</summary>
    private async Task<Result> DecideAsync(int id, bool approve, string? note, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var proposal = await db.TierProposals.Include(p => p.Supplier).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal?.Supplier is not { } supplier)
        {
            return Result.Fail("Tiering.ProposalNotFound");
        }

        // The decision is a compare-and-set on Decision = Pending: when two managers decide the same
        // proposal at once, the second update matches no row and nothing is applied twice.
        var decision = approve ? ProposalDecision.Approved : ProposalDecision.Rejected;
        var claimed = proposal.Decision == ProposalDecision.Pending
            && await db.TierProposals.Where(p => p.Id == id && p.Decision == ProposalDecision.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Decision, decision), ct) == 1;
        if (!claimed)
        {
            return new Result(false, ["Tiering.AlreadyDecided|" + supplier.Name], Conflict: true);
        }

        var by = currentUser.Actor.UserName;
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            if (approve)
            {
                var month = await db.TierEvaluations.Where(e => e.Id == proposal.TierEvaluationId).Select(e => e.Month).SingleAsync(ct);
                var change = proposal.Approve(supplier, Summary(month, proposal.Score, ParseReasons(proposal.Reasons)), by, now);
                await effects.ApplyAsync(db, change, by, now, ct);
            }
            else
            {
                proposal.Reject(note, by, now);
            }
        }
        catch (DomainRuleException rule)
        {
            // Nothing is saved: the transaction rolls the claimed decision back.
            return new Result(false, [rule.Key + "|" + supplier.Name], Conflict: rule.Key == "Tiering.TierChangedSince");
        }

        try
        {
            // The supplier's Version token also stops a tier write over an edit saved since it was loaded.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Ok(proposal.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }

    private string Summary(DateOnly month, decimal score, IReadOnlyList<ScoreReason> reasons)
    {
        var text = l["Tiering.ChangeSummary", TierReasonText.Month(month), score.ToString("0.#", CultureInfo.CurrentCulture),
            reasons.Count == 0 ? l["Tiering.NoPenalties"].Value : string.Join("；", reasons.Select(r => TierReasonText.Format(l, r)))].Value;
        return text.Length <= 1000 ? text : text[..999] + "…";
    }

    private static IReadOnlyList<ScoreReason> ParseReasons(string json) =>
        JsonSerializer.Deserialize<List<ScoreReason>>(json, Json) ?? [];

    private static EvaluationRun Exists(DateOnly month) => new(Result.Fail("Tiering.EvaluationExists|" + TierReasonText.Month(month)));

    /// <summary>The newest policy version; version 1 with the defaults is created on first use.</summary>
    private async Task<TierPolicy> EnsurePolicyAsync(PortalDbContext db, CancellationToken ct)
    {
        var current = await db.TierPolicies.AsNoTracking().OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return current;
        }

        var first = TieringSeeder.DefaultPolicy(time.GetUtcNow().UtcDateTime);
        db.TierPolicies.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(first).State = EntityState.Detached;
            return first;
        }
        catch (DbUpdateException)
        {
            // Someone else created version 1 at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return await db.TierPolicies.AsNoTracking().OrderByDescending(p => p.VersionNumber).FirstAsync(ct);
        }
    }

    /// <summary>
    /// Puts each month's units shipped (imported) and complaints (casework) on the records, adding unsaved records for
    /// supplier-months that shipped without lots: the complaint rate has one source, <see cref="OperatingFigures"/>.
    /// </summary>
    private static async Task FillShippedAndComplaintsAsync(PortalDbContext db, List<SupplierMonthlyRecord> records, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var byKey = records.ToDictionary(r => (r.SupplierId, r.Month));
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            foreach (var figure in await OperatingFigures.SupplierComplaintRatesAsync(db, month, month, ct))
            {
                if (!byKey.TryGetValue((figure.Id, month), out var record))
                {
                    record = new SupplierMonthlyRecord { SupplierId = figure.Id, Month = month };
                    byKey[(figure.Id, month)] = record;
                    records.Add(record);
                }

                record.UnitsShipped = (int)Math.Min(figure.UnitsShipped, int.MaxValue);
                record.Complaints = figure.Complaints;
            }
        }
    }
}
