using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>
/// Incoming-lot inspection (入庫檢驗), the reading side: the lot list and its filters, a lot with its plans, streams and
/// corrective action, the plan preview and the pickers. Receiving (<see cref="LotReceivingService"/>), deciding
/// (<see cref="LotDecisionService"/>), corrective actions (<see cref="CorrectiveActionService"/>) and the stream actions
/// (<see cref="InspectionStreamService"/>) are their own services.
/// </summary>
public sealed class IncomingLotService(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider time, IOptions<IncomingLotOptions> options)
{
    public const int MaxPageSize = 100;

    public IncomingLotOptions Defaults => options.Value;

    public DateOnly Today => time.TaipeiToday();

    public async Task<PagedResult<LotRow>> SearchAsync(LotQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lots = db.IncomingLots.AsNoTracking();
        if (query.SupplierId is { } supplierId)
        {
            lots = lots.Where(x => x.SupplierId == supplierId);
        }

        if (query.ProductId is { } productId)
        {
            lots = lots.Where(x => x.ProductId == productId);
        }

        if (query.Month is { } month)
        {
            var first = IncomingLot.MonthOf(month);
            lots = lots.Where(x => x.Month == first);
        }

        lots = query.Decision switch
        {
            LotDecisionFilter.Pending => lots.Where(x => x.Status == LotStatus.Received),
            LotDecisionFilter.Accepted => lots.Where(x => x.Decision == LotDecision.Accepted),
            LotDecisionFilter.Rejected => lots.Where(x => x.Decision == LotDecision.Rejected),
            LotDecisionFilter.Reinspection => lots.Where(x => x.IsReinspection),
            LotDecisionFilter.Inspected => lots.Where(x => x.Status == LotStatus.Decided && !x.IsReinspection),
            LotDecisionFilter.RejectedOriginal => lots.Where(x => x.Decision == LotDecision.Rejected && !x.IsReinspection),
            _ => lots,
        };

        if (query.Action is { } action)
        {
            var actions = OpenCorrectiveActions(db.CorrectiveActions, action == CorrectiveActionFilter.Overdue ? Today : null);
            lots = lots.Where(x => actions.Any(c => c.IncomingLotId == x.Id));
        }

        if (query.StreamSeverity is { } severity)
        {
            lots = lots.Where(x => db.InspectionStreams.Any(s => s.SupplierId == x.SupplierId && s.Category == x.Category && s.Severity == severity));
        }

        var total = await lots.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await lots.OrderByDescending(x => x.ReceivedOn).ThenByDescending(x => x.Id)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(x => new LotRow(
                x.Id, x.LotNumber, x.ReceivedOn, x.SupplierId, x.Supplier!.Name, x.Product!.Sku, x.Product.Name, x.Category, x.LotSize, x.UnitsShort,
                x.Status, x.Decision, x.IsReinspection, x.DefectsFound, x.UnitsSampled,
                db.CorrectiveActions.Where(c => c.IncomingLotId == x.Id).Select(c => (CorrectiveActionStatus?)c.Status).FirstOrDefault(),
                db.CorrectiveActions.Where(c => c.IncomingLotId == x.Id).Select(c => (DateOnly?)c.DueOn).FirstOrDefault()))
            .ToListAsync(ct);
        return new PagedResult<LotRow>(rows, total);
    }

    /// <summary>
    /// Open corrective-action requests; with <paramref name="overdueOn"/>, only those late on that day
    /// (<see cref="CorrectiveAction.IsLate"/>: open and past the due date).
    /// </summary>
    public static IQueryable<CorrectiveAction> OpenCorrectiveActions(IQueryable<CorrectiveAction> actions, DateOnly? overdueOn) => Data.Queries.InspectionFigures.OpenCorrectiveActions(actions, overdueOn);

    public async Task<LotDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.IncomingLots.AsNoTracking().Include(x => x.Results).Include(x => x.Supplier).Include(x => x.Product)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (lot is null)
        {
            return null;
        }

        var streams = await LotPlans.StreamsAsync(db, lot.SupplierId, lot.Category, ct);
        var plans = lot.Status == LotStatus.Decided
            ? lot.Results.OrderBy(r => r.DefectClass).Select(r =>
            {
                var stream = streams.FirstOrDefault(s => s.DefectClass == r.DefectClass);
                return new ClassPlanView(r.DefectClass, r.Aql, r.Severity, r.CodeLetter[0], r.SampleSize, r.Accept, r.Reject, r.Defects, r.Decision, stream?.Id, stream?.Version, stream?.IsDiscontinued ?? false);
            }).ToList()
            : Enum.GetValues<DefectClass>().Select(c => LotPlans.PlanFor(options.Value, lot.LotSize, lot.Level, c, null, lot.Supplier!.Tier, streams)).ToList();

        var action = await db.CorrectiveActions.AsNoTracking().Where(c => c.IncomingLotId == lot.Id || c.Id == lot.CorrectiveActionId)
            .OrderBy(c => c.IncomingLotId == lot.Id ? 0 : 1).FirstOrDefaultAsync(ct);
        var originalId = lot.ReinspectionOfLotId ?? lot.Id;
        var reinspections = await db.IncomingLots.AsNoTracking().Where(x => x.ReinspectionOfLotId == originalId && x.Id != lot.Id).OrderBy(x => x.Id)
            .Select(x => new LinkedLotView(x.Id, x.LotNumber, x.Status, x.Decision, x.InspectedOn)).ToListAsync(ct);
        var original = lot.ReinspectionOfLotId is { } oid
            ? await db.IncomingLots.AsNoTracking().Where(x => x.Id == oid).Select(x => new LinkedLotView(x.Id, x.LotNumber, x.Status, x.Decision, x.InspectedOn)).SingleOrDefaultAsync(ct)
            : null;

        return new LotDetail(
            lot.Id, lot.Version, lot.LotNumber, lot.SupplierId, lot.Supplier!.Name, lot.Supplier.Tier, lot.ProductId, lot.Product!.Sku, lot.Product.Name,
            lot.Category, lot.ReceivedOn, lot.LotSize, lot.UnitsShort, lot.Level, lot.Status, lot.Decision, lot.IsReinspection, original,
            lot.CorrectiveActionId, lot.InspectedByName, lot.InspectedOn, lot.Note, plans,
            action is null ? null : LotPlans.ToView(action, Today), reinspections, streams);
    }

    /// <summary>The plan for one class at an AQL the inspector picked, from the stream's current severity.</summary>
    public async Task<ClassPlanView> PreviewAsync(int lotId, DefectClass defectClass, decimal aql, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.IncomingLots.AsNoTracking().Where(x => x.Id == lotId)
            .Select(x => new { x.SupplierId, x.Category, x.LotSize, x.Level, x.Supplier!.Tier }).SingleAsync(ct);
        var streams = await LotPlans.StreamsAsync(db, lot.SupplierId, lot.Category, ct);
        return LotPlans.PlanFor(options.Value, lot.LotSize, lot.Level, defectClass, aql, lot.Tier, streams);
    }

}

/// <summary>What reading and deciding a lot share: the supplier's streams of the lot's category and the plan of a class from them.</summary>
internal static class LotPlans
{
    public static async Task<List<StreamView>> StreamsAsync(PortalDbContext db, int supplierId, SupplierCategory category, CancellationToken ct)
    {
        var streams = await db.InspectionStreams.AsNoTracking().Where(s => s.SupplierId == supplierId && s.Category == category).OrderBy(s => s.DefectClass)
            .Select(s => new { s.Id, s.DefectClass, s.Aql, s.Severity, s.IsDiscontinued, s.SwitchingScore, s.EligibleForReduced, s.LotsCounted, s.Version })
            .ToListAsync(ct);
        var ids = streams.Select(s => s.Id).ToList();
        var transitions = await db.InspectionStreamTransitions.AsNoTracking().Where(t => ids.Contains(t.InspectionStreamId))
            .OrderByDescending(t => t.OccurredUtc).ThenByDescending(t => t.Id).Take(60)
            .Select(t => new { t.InspectionStreamId, View = new TransitionView(t.From, t.To, t.Reason, t.IncomingLotId, t.IncomingLot!.LotNumber, t.OccurredUtc, t.By) })
            .ToListAsync(ct);
        return [.. streams.Select(s => new StreamView(s.Id, s.DefectClass, s.Aql, s.Severity, s.IsDiscontinued, s.SwitchingScore, s.EligibleForReduced, s.LotsCounted, s.Version,
            [.. transitions.Where(t => t.InspectionStreamId == s.Id).Select(t => t.View)]))];
    }

    public static ClassPlanView PlanFor(
        IncomingLotOptions options, int lotSize, InspectionLevel level, DefectClass defectClass, decimal? aql, SupplierTier tier, IReadOnlyList<StreamView> streams)
    {
        var stream = streams.FirstOrDefault(s => s.DefectClass == defectClass);
        var useAql = aql ?? stream?.Aql ?? options.DefaultAql(defectClass);
        var severity = stream?.Severity ?? InspectionIntensity.For(tier).StartingSeverity;
        var plan = SamplingTables.Plan(lotSize, level, useAql, severity);
        return new ClassPlanView(defectClass, useAql, severity, plan.CodeLetter, plan.SampleSize, plan.Accept, plan.Reject, null, null, stream?.Id, stream?.Version, stream?.IsDiscontinued ?? false);
    }

    public static CorrectiveActionView ToView(CorrectiveAction c, DateOnly today) =>
        new(c.Id, c.RequestedOn, c.DueOn, c.Description, c.Status, c.IsLate(today), c.SupplierResponse, c.AcceptedOn, c.AcceptedBy, c.Version);
}
