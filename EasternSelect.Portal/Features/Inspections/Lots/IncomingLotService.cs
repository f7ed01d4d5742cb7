using EasternSelect.Domain.Common;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>
/// Incoming-lot inspection (入庫檢驗): receiving a lot, its sampling plan per defect class from each
/// stream's current severity, the decision, the corrective-action request for a rejected lot and its
/// re-inspection (複檢), and the QA manager's stream actions. Deciding a lot updates the streams and the
/// supplier's monthly quality record in the same transaction.
/// </summary>
public sealed class IncomingLotService(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time,
    IOptions<IncomingLotOptions> options, IStringLocalizer<SharedResource> l)
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

    /// <summary>Qualified suppliers whose name or tax id matches, for the pickers.</summary>
    public async Task<IReadOnlyList<PickOption>> SuppliersAsync(string? search, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var suppliers = db.Suppliers.AsNoTracking().Where(s => s.Status == SupplierStatus.Qualified);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            suppliers = suppliers.Where(s => s.Name.Contains(term) || s.TaxId == term);
        }

        return await suppliers.OrderBy(s => s.Name).Take(30).Select(s => new PickOption(s.Id, s.Name)).ToListAsync(ct);
    }

    public async Task<PickOption?> SupplierAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(s => new PickOption(s.Id, s.Name)).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<PickOption>> ProductsAsync(int supplierId, string? search, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking().Where(p => p.SupplierId == supplierId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            products = products.Where(p => p.Name.Contains(term) || p.Sku == term);
        }

        return await products.OrderBy(p => p.Sku).Take(30).Select(p => new PickOption(p.Id, p.Sku + " " + p.Name)).ToListAsync(ct);
    }

    /// <summary>Receives a lot (status Received); it is inspected on its detail page.</summary>
    public async Task<LotResult> ReceiveAsync(NewLotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.EnsureAsync(Policies.Inspections);
        var errors = IncomingLot.ValidateReceipt(request.LotNumber, request.ReceivedOn, request.LotSize, request.UnitsShort, Today).ToList();
        if (request.SupplierId is null)
        {
            errors.Add("Lots.SupplierRequired");
        }

        if (request.ProductId is null)
        {
            errors.Add("Lots.ProductRequired");
        }

        if (request.Note?.Length > IncomingLot.NoteMaxLength)
        {
            errors.Add("Lots.NoteTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = request.ProductId is { } productId && request.SupplierId is { } supplierId
            ? await db.Products.AsNoTracking().Where(p => p.Id == productId && p.SupplierId == supplierId).Select(p => new { p.Id, p.Category }).SingleOrDefaultAsync(ct)
            : null;
        if (product is null && request.ProductId is not null && request.SupplierId is not null)
        {
            errors.Add("Lots.ProductNotOfSupplier");
        }

        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        var lot = new IncomingLot
        {
            SupplierId = request.SupplierId!.Value,
            ProductId = product!.Id,
            Category = product.Category,
            LotNumber = request.LotNumber!.Trim(),
            ReceivedOn = request.ReceivedOn!.Value,
            Month = IncomingLot.MonthOf(request.ReceivedOn.Value),
            LotSize = request.LotSize,
            UnitsShort = request.UnitsShort,
            Level = request.Level,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        db.IncomingLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return new LotResult(true, [], lot.Id);
    }

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

        var streams = await StreamsAsync(db, lot.SupplierId, lot.Category, ct);
        var plans = lot.Status == LotStatus.Decided
            ? lot.Results.OrderBy(r => r.DefectClass).Select(r =>
            {
                var stream = streams.FirstOrDefault(s => s.DefectClass == r.DefectClass);
                return new ClassPlanView(r.DefectClass, r.Aql, r.Severity, r.CodeLetter[0], r.SampleSize, r.Accept, r.Reject, r.Defects, r.Decision, stream?.Id, stream?.Version, stream?.IsDiscontinued ?? false);
            }).ToList()
            : Enum.GetValues<DefectClass>().Select(c => PlanFor(lot.LotSize, lot.Level, c, null, lot.Supplier!.Tier, streams)).ToList();

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
            action is null ? null : ToView(action, Today), reinspections, streams);
    }

    /// <summary>The plan for one class at an AQL the inspector picked, from the stream's current severity.</summary>
    public async Task<ClassPlanView> PreviewAsync(int lotId, DefectClass defectClass, decimal aql, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.IncomingLots.AsNoTracking().Where(x => x.Id == lotId)
            .Select(x => new { x.SupplierId, x.Category, x.LotSize, x.Level, x.Supplier!.Tier }).SingleAsync(ct);
        var streams = await StreamsAsync(db, lot.SupplierId, lot.Category, ct);
        return PlanFor(lot.LotSize, lot.Level, defectClass, aql, lot.Tier, streams);
    }

    /// <summary>
    /// Decides a received lot: plans from the streams as they are now (a stream changed since the page
    /// was loaded is a conflict), the switching state, a corrective-action request when rejected and the
    /// supplier's monthly record, all in one transaction.
    /// </summary>
    public async Task<LotResult> DecideAsync(DecideLotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.EnsureAsync(Policies.Inspections);
        if (request.InspectedOn is null)
        {
            return Failed(["Lots.InspectedOnRequired"]);
        }

        if (request.Note?.Length > IncomingLot.NoteMaxLength)
        {
            return Failed(["Lots.NoteTooLong"]);
        }

        if (request.Classes.Any(c => !SamplingTables.Aqls.Contains(c.Aql)))
        {
            return Failed(["Lots.AqlNotInTable"]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.IncomingLots.Include(x => x.Supplier).SingleOrDefaultAsync(x => x.Id == request.LotId, ct);
        if (lot is null)
        {
            return Failed(["Lots.NotFound"]);
        }

        if (lot.Status == LotStatus.Decided)
        {
            return new LotResult(false, [l["Lots.AlreadyDecided"]], lot.Id, Conflict: true);
        }

        db.Entry(lot).Property(x => x.Version).OriginalValue = request.Version;
        var streams = await db.InspectionStreams.Where(s => s.SupplierId == lot.SupplierId && s.Category == lot.Category).ToListAsync(ct);
        var actor = currentUser.Actor;
        var now = time.GetUtcNow().UtcDateTime;
        var inspections = new List<(InspectionStream Stream, ClassInspection Inspection)>();
        foreach (var finding in request.Classes)
        {
            var stream = streams.SingleOrDefault(s => s.DefectClass == finding.DefectClass);
            if (stream is null)
            {
                stream = InspectionStream.Start(lot.SupplierId, lot.Category, finding.DefectClass, finding.Aql, lot.Supplier!.Tier);
                db.InspectionStreams.Add(stream);
                streams.Add(stream);
            }
            else
            {
                db.Entry(stream).Property(s => s.Version).OriginalValue = finding.StreamVersion ?? stream.Version;
            }

            if (stream.Severity != finding.SeverityShown || (finding.StreamVersion is null && stream.Id != 0) || (finding.StreamVersion is { } v && v != stream.Version))
            {
                return new LotResult(false, [l["Lots.StreamChanged"]], lot.Id, Conflict: true);
            }

            if (!lot.IsReinspection && stream.IsDiscontinued)
            {
                return new LotResult(false, [string.Format(CultureInfo.CurrentCulture, l["Lots.StreamDiscontinued"], l["DefectClass." + finding.DefectClass])]);
            }

            if (!lot.IsReinspection)
            {
                stream.UseAql(finding.Aql);
            }

            var plan = SamplingTables.Plan(lot.LotSize, lot.Level, finding.Aql, stream.Severity);
            inspections.Add((stream, new ClassInspection(finding.DefectClass, finding.Aql, stream.Severity, plan, finding.Defects)));
        }

        var errors = lot.Decide([.. inspections.Select(i => i.Inspection)], request.InspectedOn.Value, Today, actor.UserId, actor.UserName, now);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        lot.Note = string.IsNullOrWhiteSpace(request.Note) ? lot.Note : request.Note.Trim();
        foreach (var (stream, inspection) in inspections)
        {
            stream.RecordLot(new SwitchingLot(inspection.Plan, inspection.Defects, IsOriginalInspection: !lot.IsReinspection), lot, actor.UserName, now);
        }

        if (lot.IsRejected && !lot.IsReinspection)
        {
            var action = CorrectiveAction.For(lot, request.InspectedOn.Value, RejectionDescription(lot));
            action.DueOn = action.RequestedOn.AddDays(options.Value.CorrectiveActionDueDays);
            db.CorrectiveActions.Add(action);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await QualityFiguresService.UpsertMonthlyRecordsAsync(db, lot.Month, [lot.SupplierId], Today, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LotResult(false, [l["Common.ConcurrencyConflict"]], lot.Id, Conflict: true);
        }
        catch (DbUpdateException)
        {
            // The unique stream index: another inspector started the same stream at the same moment.
            return new LotResult(false, [l["Lots.StreamChanged"]], lot.Id, Conflict: true);
        }

        return new LotResult(true, [], lot.Id);
    }

    /// <summary>Receives the re-inspection (複檢) of a rejected lot: same lot, linked to its corrective-action request.</summary>
    public async Task<LotResult> ReceiveReinspectionAsync(int originalLotId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var original = await db.IncomingLots.AsNoTracking().SingleOrDefaultAsync(x => x.Id == originalLotId, ct);
        if (original is null || original.Decision != LotDecision.Rejected || original.IsReinspection)
        {
            return Failed(["Lots.ReinspectionNeedsRejectedLot"]);
        }

        if (await db.IncomingLots.AnyAsync(x => x.ReinspectionOfLotId == originalLotId && x.Status == LotStatus.Received, ct))
        {
            return Failed(["Lots.ReinspectionPending"]);
        }

        var actionId = await db.CorrectiveActions.Where(c => c.IncomingLotId == originalLotId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        var today = Today;
        var lot = original.NewReinspection(string.Format(CultureInfo.CurrentCulture, l["Lots.ReinspectionNote"], today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        lot.ReinspectionOfLotId = original.Id;
        lot.CorrectiveActionId = actionId;
        db.IncomingLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return new LotResult(true, [], lot.Id);
    }

    /// <summary>The QA manager accepts the supplier's corrective action; a discontinued stream of that supplier and category resumes (on tightened).</summary>
    public async Task<LotResult> AcceptCorrectiveActionAsync(int actionId, Guid version, string? response, DateOnly? acceptedOn, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var action = await db.CorrectiveActions.Include(c => c.IncomingLot).SingleOrDefaultAsync(c => c.Id == actionId, ct);
        if (action is null)
        {
            return Failed(["Lots.NotFound"]);
        }

        db.Entry(action).Property(c => c.Version).OriginalValue = version;
        var errors = action.Accept(response, acceptedOn ?? Today, Today, currentUser.Actor.UserName);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var discontinued = await db.InspectionStreams
            .Where(s => s.SupplierId == action.SupplierId && s.Category == action.IncomingLot!.Category && s.IsDiscontinued).ToListAsync(ct);
        foreach (var stream in discontinued)
        {
            stream.ResumeAfterCorrectiveAction(currentUser.Actor.UserName, now);
        }

        return await SaveAsync(db, action.IncomingLotId, action.IncomingLot!.Month, action.SupplierId, ct);
    }

    public Task<LotResult> ApproveReducedAsync(int streamId, Guid version, CancellationToken ct) =>
        StreamActionAsync(streamId, version, s => s.EligibleForReduced ? null : "Lots.NotEligibleForReduced", (s, by, now) => s.ApproveReduced(by, now), ct);

    public Task<LotResult> ReportIrregularProductionAsync(int streamId, Guid version, CancellationToken ct) =>
        StreamActionAsync(streamId, version, _ => null, (s, by, now) => s.ReportIrregularProduction(by, now), ct);

    public async Task<PagedResult<StreamRow>> ListStreamsAsync(StreamQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var streams = db.InspectionStreams.AsNoTracking();
        if (query.SupplierId is { } supplierId)
        {
            streams = streams.Where(s => s.SupplierId == supplierId);
        }

        if (query.Severity is { } severity)
        {
            streams = streams.Where(s => s.Severity == severity);
        }

        if (query.Discontinued is { } discontinued)
        {
            streams = streams.Where(s => s.IsDiscontinued == discontinued);
        }

        if (query.Eligible is { } eligible)
        {
            streams = streams.Where(s => s.EligibleForReduced == eligible);
        }

        var total = await streams.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await streams
            .OrderByDescending(s => s.IsDiscontinued).ThenByDescending(s => s.Severity == InspectionSeverity.Tightened).ThenByDescending(s => s.EligibleForReduced)
            .ThenBy(s => s.Supplier!.Name).ThenBy(s => s.DefectClass)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(s => new StreamRow(s.Id, s.SupplierId, s.Supplier!.Name, s.Category, s.DefectClass, s.Aql, s.Severity, s.SwitchingScore,
                s.EligibleForReduced, s.IsDiscontinued, s.LotsCounted, s.Version, s.UpdatedUtc))
            .ToListAsync(ct);
        return new PagedResult<StreamRow>(rows, total);
    }

    public async Task<IReadOnlyList<TransitionView>> StreamHistoryAsync(int streamId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.InspectionStreamTransitions.AsNoTracking().Where(t => t.InspectionStreamId == streamId).OrderByDescending(t => t.OccurredUtc).ThenByDescending(t => t.Id)
            .Select(t => new TransitionView(t.From, t.To, t.Reason, t.IncomingLotId, t.IncomingLot!.LotNumber, t.OccurredUtc, t.By)).ToListAsync(ct);
    }

    private async Task<LotResult> StreamActionAsync(
        int streamId, Guid version, Func<InspectionStream, string?> refuse, Func<InspectionStream, string, DateTime, object?> act, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stream = await db.InspectionStreams.SingleOrDefaultAsync(s => s.Id == streamId, ct);
        if (stream is null)
        {
            return Failed(["Lots.NotFound"]);
        }

        db.Entry(stream).Property(s => s.Version).OriginalValue = version;
        if (refuse(stream) is { } error)
        {
            return Failed([error]);
        }

        act(stream, currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LotResult(false, [l["Common.ConcurrencyConflict"]], Conflict: true);
        }

        return new LotResult(true, []);
    }

    private async Task<LotResult> SaveAsync(PortalDbContext db, int lotId, DateOnly month, int supplierId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await QualityFiguresService.UpsertMonthlyRecordsAsync(db, month, [supplierId], Today, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LotResult(false, [l["Common.ConcurrencyConflict"]], lotId, Conflict: true);
        }

        return new LotResult(true, [], lotId);
    }

    private static async Task<List<StreamView>> StreamsAsync(PortalDbContext db, int supplierId, SupplierCategory category, CancellationToken ct)
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

    private ClassPlanView PlanFor(int lotSize, InspectionLevel level, DefectClass defectClass, decimal? aql, SupplierTier tier, IReadOnlyList<StreamView> streams)
    {
        var stream = streams.FirstOrDefault(s => s.DefectClass == defectClass);
        var useAql = aql ?? stream?.Aql ?? options.Value.DefaultAql(defectClass);
        var severity = stream?.Severity ?? Domain.Tiering.InspectionIntensity.For(tier).StartingSeverity;
        var plan = SamplingTables.Plan(lotSize, level, useAql, severity);
        return new ClassPlanView(defectClass, useAql, severity, plan.CodeLetter, plan.SampleSize, plan.Accept, plan.Reject, null, null, stream?.Id, stream?.Version, stream?.IsDiscontinued ?? false);
    }

    private string RejectionDescription(IncomingLot lot) => string.Format(
        CultureInfo.CurrentCulture, l["Lots.CorrectiveActionText"], lot.LotNumber,
        string.Join("、", lot.Results.Where(r => r.Decision == LotDecision.Rejected)
            .Select(r => string.Format(CultureInfo.CurrentCulture, l["Lots.RejectedClassText"], l["DefectClass." + r.DefectClass], r.Defects, r.SampleSize, r.Reject))));

    private static CorrectiveActionView ToView(CorrectiveAction c, DateOnly today) =>
        new(c.Id, c.RequestedOn, c.DueOn, c.Description, c.Status, c.IsLate(today), c.SupplierResponse, c.AcceptedOn, c.AcceptedBy, c.Version);

    private LotResult Failed(IEnumerable<string> keys) => new(false, keys.Distinct().Select(k => l[k].Value).ToList());
}
