using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Notifications;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>Who may work a complaint and how the major-case team is told, shared by intake, casework and the queries.</summary>
internal static class ComplaintWork
{
    /// <summary>A major case is worked by the major-case team; any other case by the person it is assigned to.</summary>
    public static async Task<bool> CanWorkAsync(IAuthorizationService authorization, CurrentUser currentUser, string? assigneeId, bool isMajor) =>
        isMajor
            ? (await authorization.AuthorizeAsync(currentUser.Principal, Policies.MajorCases)).Succeeded
            : assigneeId is not null && assigneeId == currentUser.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public static Notification NotifyMajor(PortalDbContext db, Complaint c, DateTime now)
    {
        var notification = NotificationService.ForRole(Roles.MajorCaseTeam, "Notification.MajorComplaint", c.Number, c.Id > 0 ? Link(c.Id) : null, now);
        db.Notifications.Add(notification);
        return notification;
    }

    public static string Link(int id) => "/complaints/" + id.ToString(CultureInfo.InvariantCulture);
}
