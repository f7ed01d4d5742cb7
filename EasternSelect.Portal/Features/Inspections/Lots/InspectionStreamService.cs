using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>The switching-rules streams (MIL-STD-105E clause 8): the list, a stream's history and the QA manager's two actions.</summary>
public sealed class InspectionStreamService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time)
{
    public Task<Result> ApproveReducedAsync(int streamId, Guid version, CancellationToken ct) =>
        StreamActionAsync(streamId, version, s => s.EligibleForReduced ? null : "Lots.NotEligibleForReduced", (s, by, now) => s.ApproveReduced(by, now), ct);

    public Task<Result> ReportIrregularProductionAsync(int streamId, Guid version, CancellationToken ct) =>
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
        var pageSize = Math.Clamp(query.PageSize, 1, IncomingLotService.MaxPageSize);
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

    private async Task<Result> StreamActionAsync(
        int streamId, Guid version, Func<InspectionStream, string?> refuse, Func<InspectionStream, string, DateTime, object?> act, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stream = await db.InspectionStreams.SingleOrDefaultAsync(s => s.Id == streamId, ct);
        if (stream is null)
        {
            return Result.Fail("Lots.NotFound");
        }

        db.Entry(stream).Property(s => s.Version).OriginalValue = version;
        if (refuse(stream) is { } error)
        {
            return Result.Fail(error);
        }

        act(stream, currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }

        return Result.Ok(streamId);
    }
}
