using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Data;

/// <summary>A staff account. Staff e-mails are sign-in names; they are masked in the audit log's change records.</summary>
public sealed class PortalUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"zh-TW" or "en"; the language switch stores it here so it follows the person.</summary>
    public string PreferredCulture { get; set; } = "zh-TW";

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }
}
