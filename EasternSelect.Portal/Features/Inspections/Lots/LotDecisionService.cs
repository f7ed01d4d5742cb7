using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>
/// Deciding a received lot: its plan per defect class from each stream's current severity, the decision, the switching
/// state, the corrective-action request of a rejected lot and the supplier's monthly quality record, in one transaction.
/// </summary>
public sealed class LotDecisionService(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time,
    IOptions<IncomingLotOptions> options, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Decides a received lot with the plans of the streams as they are now (a stream changed since the page was loaded
    /// is a conflict). The result's id is the lot's.
    /// </summary>
    public Task<Result> DecideAsync(DecideLotRequest request, CancellationToken ct) =>
        TransientRetry.RunAsync(() => DecideOnceAsync(request, ct), ct);

    private async Task<Result> DecideOnceAsync(DecideLotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.EnsureAsync(Policies.Inspections);
        if (request.InspectedOn is null)
        {
            return Result.Fail("Lots.InspectedOnRequired");
        }

        if (request.Note?.Length > IncomingLot.NoteMaxLength)
        {
            return Result.Fail("Lots.NoteTooLong");
        }

        if (request.Classes.Any(c => !SamplingTables.Aqls.Contains(c.Aql)))
        {
            return Result.Fail("Lots.AqlNotInTable");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var lot = await db.IncomingLots.Include(x => x.Supplier).SingleOrDefaultAsync(x => x.Id == request.LotId, ct);
        if (lot is null)
        {
            return Result.Fail("Lots.NotFound");
        }

        if (lot.Status == LotStatus.Decided)
        {
            return new Result(false, ["Lots.AlreadyDecided"], Conflict: true, Id: lot.Id);
        }

        db.Entry(lot).Property(x => x.Version).OriginalValue = request.Version;
        var streams = await db.InspectionStreams.Where(s => s.SupplierId == lot.SupplierId && s.Category == lot.Category).ToListAsync(ct);
        var actor = currentUser.Actor;
        var now = time.GetUtcNow().UtcDateTime;
        var today = time.TaipeiToday();
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
                return new Result(false, ["Lots.StreamChanged"], Conflict: true, Id: lot.Id);
            }

            if (!lot.IsReinspection && stream.IsDiscontinued)
            {
                return Result.Fail("Lots.StreamDiscontinued." + finding.DefectClass);
            }

            if (!lot.IsReinspection)
            {
                stream.UseAql(finding.Aql);
            }

            var plan = SamplingTables.Plan(lot.LotSize, lot.Level, finding.Aql, stream.Severity);
            inspections.Add((stream, new ClassInspection(finding.DefectClass, finding.Aql, stream.Severity, plan, finding.Defects)));
        }

        var errors = lot.Decide([.. inspections.Select(i => i.Inspection)], request.InspectedOn.Value, today, actor.UserId, actor.UserName, now, request.Note);
        if (errors.Count > 0)
        {
            return Result.Fail(errors.Distinct());
        }

        foreach (var (stream, inspection) in inspections)
        {
            stream.RecordLot(new SwitchingLot(inspection.Plan, inspection.Defects, IsOriginalInspection: !lot.IsReinspection), lot, actor.UserName, now);
        }

        if (lot.IsRejected && !lot.IsReinspection)
        {
            db.CorrectiveActions.Add(CorrectiveAction.For(lot, request.InspectedOn.Value, RejectionDescription(lot), options.Value.CorrectiveActionDueDays));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await QualityFiguresService.UpsertMonthlyRecordsAsync(db, lot.Month, [lot.SupplierId], today, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(false, [Result.ConflictKey], Conflict: true, Id: lot.Id);
        }
        catch (DbUpdateException)
        {
            // The unique stream index: another inspector started the same stream at the same moment.
            return new Result(false, ["Lots.StreamChanged"], Conflict: true, Id: lot.Id);
        }

        return Result.Ok(lot.Id);
    }

    // The request is a letter to the supplier, so it is written in the inspector's language and stored as written.
    private string RejectionDescription(IncomingLot lot) => string.Format(
        CultureInfo.CurrentCulture, l["Lots.CorrectiveActionText"], lot.LotNumber,
        string.Join("、", lot.Results.Where(r => r.Decision == LotDecision.Rejected)
            .Select(r => string.Format(CultureInfo.CurrentCulture, l["Lots.RejectedClassText"], l["DefectClass." + r.DefectClass], r.Defects, r.SampleSize, r.Reject))));
}
