using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Notifications;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework;

public sealed record NotificationView(int Id, string TextKey, string? Argument, string? Link, DateTime CreatedUtc, bool Read);

/// <summary>
/// The portal's small notification store: features add a <see cref="Notification"/> for a role in the
/// same save as the change it announces (<see cref="ForRole"/>); the bell in the app bar lists them.
/// </summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> contexts, CurrentUser currentUser, TimeProvider time)
{
    public const int Shown = 10;

    public static Notification ForRole(string role, string textKey, string? argument, string? link, DateTime utc) =>
        new() { Role = role, TextKey = textKey, Argument = argument, Link = link, CreatedUtc = utc };

    public async Task<(IReadOnlyList<NotificationView> Items, int Unread)> MineAsync(CancellationToken ct)
    {
        var (userId, roles) = Me();
        if (userId is null)
        {
            return ([], 0);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId || n.Role != null && roles.Contains(n.Role));
        var unread = await mine.CountAsync(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId), ct);
        var items = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new NotificationView(n.Id, n.TextKey, n.Argument, n.Link, n.CreatedUtc,
                db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId)))
            .ToListAsync(ct);
        return (items, unread);
    }

    public async Task MarkAllReadAsync(CancellationToken ct)
    {
        var (userId, roles) = Me();
        if (userId is null)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = await db.Notifications.Where(n => n.UserId == userId || n.Role != null && roles.Contains(n.Role))
            .Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId))
            .Select(n => n.Id).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.NotificationReads.AddRange(ids.Select(id => new NotificationRead { NotificationId = id, UserId = userId, ReadUtc = now }));
        await db.SaveChangesAsync(ct);
    }

    private (string? UserId, List<string> Roles) Me()
    {
        var principal = currentUser.Principal;
        return (principal.FindFirstValue(ClaimTypes.NameIdentifier), Roles.All.Where(principal.IsInRole).ToList());
    }
}
