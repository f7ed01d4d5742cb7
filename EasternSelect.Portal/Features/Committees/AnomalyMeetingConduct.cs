using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>The QA manager runs a 品質異常會議: opens it (the month's anomalies snapshotted), records discussion and action items, closes it.</summary>
public sealed class AnomalyMeetingConduct(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, AnomalyGatherer gatherer, TimeProvider clock)
{
    public async Task<Result> OpenAsync(AnomalyMeetingForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetingManage);
        var errors = new List<string>();
        if (form.Month is null)
        {
            errors.Add("Anomaly.MonthRequired");
        }

        if (form.MeetingDate is null)
        {
            errors.Add("Anomaly.MeetingDateRequired");
        }
        else if (form.Month is { } m && DateOnly.FromDateTime(form.MeetingDate.Value) < new DateOnly(m.Year, m.Month, 1))
        {
            errors.Add("Anomaly.MeetingBeforeMonth");
        }

        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add("Anomaly.KindInvalid");
        }

        if (form.Kind == AnomalyMeetingKind.External && form.SupplierIds.Count == 0)
        {
            errors.Add("Anomaly.ExternalNeedsSupplier");
        }

        if (form.Attendees?.Trim().Length > AnomalyMeetingService.MaxText)
        {
            errors.Add("Anomaly.AttendeesTooLong");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = form.Kind == AnomalyMeetingKind.External ? form.SupplierIds.Distinct().ToList() : [];
        if (await db.Suppliers.CountAsync(s => supplierIds.Contains(s.Id), ct) != supplierIds.Count)
        {
            return Result.Fail("Anomaly.ExternalNeedsSupplier");
        }

        var month = DateOnly.FromDateTime(form.Month!.Value);
        var anomalies = await gatherer.GatherAsync(month, ct);
        var meeting = AnomalyMeeting.Open(month, DateOnly.FromDateTime(form.MeetingDate!.Value), form.Kind, supplierIds, PersonName(), form.Attendees, anomalies);
        db.AnomalyMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Result.Ok(meeting.Id);
    }


    public async Task<Result> SaveDiscussionAsync(int meetingId, int anomalyId, string? discussion, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetingManage);
        if (discussion?.Trim().Length > AnomalyMeetingService.MaxDiscussion)
        {
            return Result.Fail("Anomaly.DiscussionTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.AnomalyMeetings.Include(m => m.Anomalies).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var anomaly = meeting?.Anomalies.FirstOrDefault(a => a.Id == anomalyId);
        if (meeting is null || anomaly is null)
        {
            return Result.Fail("Anomaly.NotFound");
        }

        return await CommitteeCommands.SaveAsync(db, () => meeting.Discuss(anomaly, discussion), ct);
    }

    public async Task<Result> AddActionItemAsync(int meetingId, ActionItemForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetingManage);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(form.Description))
        {
            errors.Add("Anomaly.DescriptionRequired");
        }
        else if (form.Description.Trim().Length > AnomalyMeetingService.MaxText)
        {
            errors.Add("Anomaly.DescriptionTooLong");
        }

        if (string.IsNullOrEmpty(form.OwnerUserId))
        {
            errors.Add("Anomaly.OwnerRequired");
        }

        if (form.DueDate is null)
        {
            errors.Add("Anomaly.DueDateRequired");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.AnomalyMeetings.Include(m => m.Anomalies).Include(m => m.Suppliers).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.Fail("Anomaly.NotFound");
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == form.OwnerUserId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return Result.Fail("Anomaly.OwnerRequired");
        }

        var anomaly = form.MeetingAnomalyId is { } aid ? meeting.Anomalies.FirstOrDefault(a => a.Id == aid) : null;
        if (form.MeetingAnomalyId is not null && anomaly is null)
        {
            return Result.Fail("Anomaly.NotFound");
        }

        ActionItem? item = null;
        return await CommitteeCommands.SaveAsync(db, () =>
            item = meeting.AddActionItem(form.Description!, owner.Id, owner.DisplayName, DateOnly.FromDateTime(form.DueDate!.Value), anomaly, form.SupplierId),
            ct, () => item!.Id);
    }

    /// <summary>Moves an item along PDCA: the QA manager, or the item's owner (even from the home page, without the meeting policy).</summary>

    public async Task<Result> CloseAsync(int meetingId, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetingManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.AnomalyMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.Fail("Anomaly.NotFound");
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        return await CommitteeCommands.SaveAsync(db, () => meeting.Close(Now()), ct);
    }

    /// <summary>The signed-in person's overdue action items (the home page panel).</summary>

    private string PersonName() => currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
