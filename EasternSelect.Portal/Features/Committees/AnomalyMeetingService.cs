using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>品質異常會議 as pages read it: the list, a meeting, the minutes, one's overdue action items, and the pickers.</summary>
public sealed class AnomalyMeetingService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxText = 1000;

    public const int MaxDiscussion = 4000;

    public async Task<IReadOnlyList<AnomalyMeetingRow>> ListAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetings);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AnomalyMeetings.AsNoTracking().OrderByDescending(m => m.Month).ThenByDescending(m => m.Id)
            .Select(m => new AnomalyMeetingRow(m.Id, m.Month, m.MeetingDate, m.Kind, m.Status, m.Anomalies.Count, m.ActionItems.Count,
                m.ActionItems.Count(a => a.Status != ActionItemStatus.Closed)))
            .ToListAsync(ct);
    }

    /// <summary>Action-item owners: portal users who can sign in.</summary>
    public async Task<IReadOnlyList<UserPick>> SearchOwnersAsync(string? term, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetingManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking().Where(u => u.LockoutEnd == null || u.LockoutEnd < DateTimeOffset.UtcNow);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            users = users.Where(u => u.DisplayName.Contains(t));
        }

        return await users.OrderBy(u => u.DisplayName).Take(20).Select(u => new UserPick(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Opens a meeting: gathers the month's anomalies and snapshots them (an external meeting keeps its suppliers' ones).</summary>
    public async Task<AnomalyMeetingDetail?> GetAsync(int meetingId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetings);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var suppliers = await SuppliersAsync(db, meeting, ct);
        return new AnomalyMeetingDetail(meeting.Id, meeting.Version, meeting.Month, meeting.MeetingDate, meeting.Kind, meeting.Status, meeting.ChairName, meeting.Attendees,
            suppliers, meeting.Anomalies.OrderBy(a => a.OccurredOn).ThenBy(a => a.Id).Select(View).ToList(),
            meeting.ActionItems.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => View(a, meeting.Month)).ToList(),
            await CarriedOverAsync(db, meeting, null, ct));
    }

    public async Task<IReadOnlyList<ActionItemView>> MyOverdueAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SignedIn);
        var userId = currentUser.Actor.UserId;
        var today = Today();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = await db.ActionItems.AsNoTracking().Include(a => a.Meeting)
            .Where(a => a.OwnerUserId == userId && a.Status != ActionItemStatus.Closed && a.DueDate < today)
            .OrderBy(a => a.DueDate).ToListAsync(ct);
        return items.Select(a => View(a, a.Meeting!.Month)).ToList();
    }

    /// <summary>
    /// 會議紀錄 as plain data: meeting, anomalies with their discussion, its action items and those carried over.
    /// For an external meeting with <paramref name="supplierId"/>: only that (invited) supplier's items; null for a supplier it did not invite.
    /// </summary>
    public async Task<AnomalyMeetingMinutes?> BuildMinutesAsync(int meetingId, int? supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetings);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await LoadAsync(db, meetingId, ct);
        if (meeting is null || (supplierId is { } s && meeting.Suppliers.All(x => x.SupplierId != s)))
        {
            return null;
        }

        bool Mine(int? id) => supplierId is null || id == supplierId;
        var suppliers = (await SuppliersAsync(db, meeting, ct)).Where(x => Mine(x.Id)).ToList();
        return new AnomalyMeetingMinutes(meeting.Id, meeting.Month, meeting.MeetingDate, meeting.Kind, meeting.Status, meeting.ChairName, meeting.Attendees, supplierId,
            suppliers, meeting.Anomalies.Where(a => Mine(a.SupplierId)).OrderBy(a => a.OccurredOn).ThenBy(a => a.Id).Select(View).ToList(),
            meeting.ActionItems.Where(a => Mine(a.SupplierId)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => View(a, meeting.Month)).ToList(),
            await CarriedOverAsync(db, meeting, supplierId, ct));
    }

    /// <summary>Open items of earlier meetings: on every later meeting's agenda until closed (an external meeting: its suppliers' ones).</summary>
    private async Task<List<ActionItemView>> CarriedOverAsync(PortalDbContext db, AnomalyMeeting meeting, int? supplierId, CancellationToken ct)
    {
        var items = db.ActionItems.AsNoTracking().Include(a => a.Meeting)
            .Where(a => a.Status != ActionItemStatus.Closed && a.AnomalyMeetingId != meeting.Id
                && (a.Meeting!.Month < meeting.Month || (a.Meeting.Month == meeting.Month && a.AnomalyMeetingId < meeting.Id)));
        if (supplierId is not null)
        {
            items = items.Where(a => a.SupplierId == supplierId);
        }
        else if (meeting.Kind == AnomalyMeetingKind.External)
        {
            var invited = meeting.Suppliers.Select(s => (int?)s.SupplierId).ToList();
            items = items.Where(a => invited.Contains(a.SupplierId));
        }

        var list = await items.OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(ct);
        return list.Select(a => View(a, a.Meeting!.Month)).ToList();
    }

    private static async Task<List<SupplierPick>> SuppliersAsync(PortalDbContext db, AnomalyMeeting meeting, CancellationToken ct)
    {
        var ids = meeting.Suppliers.Select(s => s.SupplierId).ToList();
        return await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new SupplierPick(s.Id, s.Name)).ToListAsync(ct);
    }

    private static Task<AnomalyMeeting?> LoadAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.AnomalyMeetings.AsNoTracking().Include(m => m.Suppliers).Include(m => m.Anomalies).Include(m => m.ActionItems).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct);

    private static MeetingAnomalyView View(MeetingAnomaly a) =>
        new(a.Id, a.Kind, a.SourceId, a.SupplierId, a.SupplierName, a.ProductId, a.ProductName, a.OccurredOn, a.Summary, a.Link, a.Discussion);

    private ActionItemView View(ActionItem a, DateOnly month) =>
        new(a.Id, a.Version, a.AnomalyMeetingId, month, a.MeetingAnomalyId, a.SupplierId, a.Description, a.OwnerUserId, a.OwnerName, a.DueDate, a.Status, a.Note, a.IsOverdue(Today()));


    private DateOnly Today() => clock.TaipeiToday();
}
