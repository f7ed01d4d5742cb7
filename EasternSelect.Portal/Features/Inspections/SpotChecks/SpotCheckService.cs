using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Features.Inspections.SpotChecks;

public sealed record ReasonView(SpotCheckReasonKind Kind, double? Value, string? Text, int? ReferenceId);

public sealed record CandidateView(ProductPick Product, IReadOnlyList<ReasonView> Reasons);

public sealed record SpotCheckItemView(int Id, Guid Version, ProductPick Product, IReadOnlyList<ReasonView> Reasons, int? MonthlySpotCheckId,
    bool Removed, string? RemovalReason, string? AddedReason, SpotCheckOutcome? Outcome, string? Findings, string? InspectedByName, DateTime? InspectedUtc,
    IReadOnlyList<FileRef> Photos);

public sealed record OrphanFollowUp(int MonthlySpotCheckId, string SupplierName);

/// <summary>A month: the proposal while it is not confirmed, the confirmed list afterwards.</summary>
public sealed record SpotCheckMonthView(DateOnly Month, bool Confirmed, string? ConfirmedByName, DateTime? ConfirmedUtc,
    IReadOnlyList<CandidateView> Candidates, IReadOnlyList<OrphanFollowUp> FollowUpsWithoutProduct, IReadOnlyList<SpotCheckItemView> Items);

public sealed record MonthSummary(DateOnly Month, int Checked, int Failed, int Open);

public sealed record Removal(int ProductId, string? Reason);

public sealed record Addition(int ProductId, string? Reason);

/// <summary>
/// 祕密警察機制: the month's candidates, the QA manager's confirmation (removals with a reason, manual additions) and the
/// results (the flags that make candidates are <see cref="ProductFlagService"/>). A qualification follow-up check due in the month is proposed on the supplier's best seller; recording
/// that item's result completes the <see cref="MonthlySpotCheck"/>, and removing it cancels the check.
/// </summary>
public sealed class SpotCheckService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock,
    IOptions<SpotCheckRuleSettings> settings)
{
    public SpotCheckRuleSettings Settings => settings.Value;

    public async Task<SpotCheckMonthView> GetMonthAsync(DateOnly month, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var first = new DateOnly(month.Year, month.Month, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.SpotCheckMonths.AsNoTracking().FirstOrDefaultAsync(m => m.Month == first, ct);
        if (list is not null)
        {
            var items = await db.SpotCheckItems.AsNoTracking().Where(i => i.SpotCheckMonthId == list.Id)
                .Include(i => i.Product!).ThenInclude(p => p.Supplier).Include(i => i.Reasons).Include(i => i.Photos).ThenInclude(p => p.File)
                .AsSplitQuery().ToListAsync(ct);
            var views = items.OrderBy(i => i.Removed).ThenBy(i => i.Reasons.Select(r => r.Kind).DefaultIfEmpty(SpotCheckReasonKind.Manual).Min()).ThenBy(i => i.ProductId)
                .Select(i => new SpotCheckItemView(i.Id, i.Version, Pick(i.Product!), i.Reasons.OrderBy(r => r.Kind).Select(r => new ReasonView(r.Kind, r.Value, r.Text, r.ReferenceId)).ToList(),
                    i.MonthlySpotCheckId, i.Removed, i.RemovalReason, i.AddedReason, i.Outcome, i.Findings, i.InspectedByName, i.InspectedUtc,
                    i.Photos.Select(p => new FileRef(p.StoredFileId, p.File!.FileName)).ToList()))
                .ToList();
            return new SpotCheckMonthView(first, true, list.ConfirmedByName, list.ConfirmedUtc, [], [], views);
        }

        var proposal = await SpotCheckInputs.ProposeAsync(db, first, Settings, ct);
        var ids = proposal.Candidates.Select(c => c.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.Supplier!.Name, p.Category)).ToDictionaryAsync(p => p.Id, ct);
        var orphanSuppliers = proposal.FollowUpsWithoutProduct.Select(f => f.SupplierId).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => orphanSuppliers.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new SpotCheckMonthView(first, false, null, null,
            proposal.Candidates.Select(c => new CandidateView(products[c.ProductId], c.Reasons.Select(r => new ReasonView(r.Kind, r.Value is { } v ? (double)v : null, r.Text, r.ReferenceId)).ToList())).ToList(),
            proposal.FollowUpsWithoutProduct.Select(f => new OrphanFollowUp(f.MonthlySpotCheckId, names.GetValueOrDefault(f.SupplierId, "?"))).ToList(),
            []);
    }

    /// <summary>The items of a confirmed month's list still waiting for a result (the <see cref="MonthSummary.Open"/> count).</summary>
    public static IQueryable<SpotCheckItem> DueItems(PortalDbContext db, DateOnly month) => Data.Queries.InspectionFigures.DueSpotCheckItems(db, month);

    /// <summary>The confirmed months, newest first, with their progress.</summary>
    public async Task<IReadOnlyList<MonthSummary>> MonthsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SpotCheckMonths.AsNoTracking().OrderByDescending(m => m.Month)
            .Select(m => new MonthSummary(m.Month,
                m.Items.Count(i => !i.Removed && i.Outcome != null),
                m.Items.Count(i => i.Outcome == SpotCheckOutcome.Fail),
                m.Items.Count(i => !i.Removed && i.Outcome == null)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The QA manager confirms the month: the proposal is computed again here (never taken from the page), removals need a
    /// reason, additions a listed product not already proposed and a reason. One save; a second confirmation of the month is refused.
    /// </summary>
    public async Task<Result> ConfirmAsync(DateOnly month, IReadOnlyList<Removal> removals, IReadOnlyList<Addition> additions, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        var first = new DateOnly(month.Year, month.Month, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SpotCheckMonths.AnyAsync(m => m.Month == first, ct))
        {
            return Result.Fail("SpotCheck.AlreadyConfirmed");
        }

        var proposal = await SpotCheckInputs.ProposeAsync(db, first, Settings, ct);
        var errors = new List<string>();
        var proposed = proposal.Candidates.ToDictionary(c => c.ProductId);
        if (removals.Any(r => string.IsNullOrWhiteSpace(r.Reason)))
        {
            errors.Add("SpotCheck.RemovalReasonRequired");
        }

        if (removals.Any(r => r.Reason?.Length > SpotCheckItem.ReasonMaxLength) || additions.Any(a => a.Reason?.Length > SpotCheckItem.ReasonMaxLength))
        {
            errors.Add("SpotCheck.ReasonTooLong");
        }

        if (removals.Any(r => !proposed.ContainsKey(r.ProductId)))
        {
            errors.Add("SpotCheck.NotACandidate");
        }

        if (additions.Any(a => string.IsNullOrWhiteSpace(a.Reason)))
        {
            errors.Add("SpotCheck.AddReasonRequired");
        }

        var addedIds = additions.Select(a => a.ProductId).ToList();
        if (addedIds.Any(proposed.ContainsKey) || addedIds.Distinct().Count() != addedIds.Count)
        {
            errors.Add("SpotCheck.AlreadyOnList");
        }

        var listed = await db.Products.Where(p => addedIds.Contains(p.Id) && p.ListingStatus == ListingStatus.Listed).Select(p => p.Id).ToListAsync(ct);
        if (listed.Count != addedIds.Distinct().Count())
        {
            errors.Add("SpotCheck.ProductNotListed");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var (id, name) = currentUser.Person();
        var list = SpotCheckMonth.Confirm(first, id, name, clock.GetUtcNow().UtcDateTime);
        var removed = removals.ToDictionary(r => r.ProductId, r => r.Reason!);
        var cancelled = new Dictionary<int, string>();
        foreach (var candidate in proposal.Candidates)
        {
            var item = list.Propose(candidate);
            if (removed.TryGetValue(candidate.ProductId, out var reason))
            {
                item.Remove(reason);
                if (item.MonthlySpotCheckId is { } checkId)
                {
                    cancelled[checkId] = item.RemovalReason!;
                }
            }
        }

        foreach (var addition in additions)
        {
            list.AddManual(addition.ProductId, addition.Reason!);
        }

        // A removed follow-up is not done this month: its scheduled check is cancelled (with the reason).
        foreach (var check in await db.MonthlySpotChecks.Where(c => cancelled.Keys.Contains(c.Id)).ToListAsync(ct))
        {
            check.Cancel(cancelled[check.Id]);
        }

        db.SpotCheckMonths.Add(list);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique month index: someone confirmed the month meanwhile.
            return Result.Fail("SpotCheck.AlreadyConfirmed");
        }

        return Result.Ok(list.Id);
    }

    /// <summary>An inspector records the result (pass/fail, findings, optional photos); a follow-up item completes its scheduled check too.</summary>
    public async Task<Result> RecordResultAsync(int itemId, Guid version, SpotCheckOutcome? outcome, string? findings, IReadOnlyList<Upload> photos, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (outcome is null)
        {
            errors.Add("SpotCheck.OutcomeRequired");
        }
        else if (outcome == SpotCheckOutcome.Fail && string.IsNullOrWhiteSpace(findings))
        {
            errors.Add("SpotCheck.FindingsRequired");
        }

        if (findings?.Length > SpotCheckItem.FindingsMaxLength)
        {
            errors.Add("SpotCheck.FindingsTooLong");
        }

        errors.AddRange(InspectionCommon.CheckUploads(photos, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.SpotCheckItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return Result.Fail("SpotCheck.NotFound");
        }

        if (item.Removed)
        {
            return Result.Fail("SpotCheck.RemovedItem");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var who = currentUser.Person().Name;
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        try
        {
            item.Record(outcome!.Value, findings, who, now);
            foreach (var photo in photos)
            {
                item.AddPhoto(InspectionCommon.ToFile(photo, who, now));
            }

            if (item.MonthlySpotCheckId is { } checkId && await db.MonthlySpotChecks.FirstOrDefaultAsync(c => c.Id == checkId, ct) is { } check)
            {
                check.Complete(outcome == SpotCheckOutcome.Pass, findings, now);
            }
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }

        db.Entry(item).Property(i => i.UpdatedUtc).IsModified = true;
        return await InspectionCommon.SaveAsync(db, ct, item.Id);
    }

    private static ProductPick Pick(Product p) => new(p.Id, p.Sku, p.Name, p.Supplier!.Name, p.Category);
}
