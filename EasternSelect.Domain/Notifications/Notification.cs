using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Notifications;

/// <summary>
/// An in-portal message to everyone in a role (or one person). It carries a localization key and a
/// short argument such as a case number, never personal data.
/// </summary>
public sealed class Notification : Entity
{
    /// <summary>The role that should see it; null when addressed to <see cref="UserId"/>.</summary>
    public string? Role { get; set; }

    public string? UserId { get; set; }

    public string TextKey { get; set; } = string.Empty;

    public string? Argument { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public sealed class NotificationRead : Entity
{
    public int NotificationId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime ReadUtc { get; set; }
}
