using System.ComponentModel.DataAnnotations;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// A grievance as filed on the public form or recorded by an officer. Identity is optional only when
/// the supplier asks to stay anonymous; then nothing about it is stored.
/// </summary>
public sealed class GrievanceForm : IValidatableObject
{
    public GrievanceTopic Topic { get; set; } = GrievanceTopic.ProductSales;

    [RequiredField, MaxTextLength(200)]
    public string Subject { get; set; } = string.Empty;

    [RequiredField, MaxTextLength(4000)]
    public string Description { get; set; } = string.Empty;

    public bool Anonymous { get; set; }

    [MaxTextLength(200)]
    public string? CompanyName { get; set; }

    [MaxTextLength(100)]
    public string? ContactName { get; set; }

    [MaxTextLength(30), RegularExpression(@"^[0-9+()\- ]{8,30}$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Phone))]
    public string? ContactPhone { get; set; }

    [EmailField, MaxTextLength(256)]
    public string? ContactEmail { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Anonymous)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(CompanyName))
        {
            yield return new ValidationResult(ValidationText.Get("Grievance.Error.CompanyRequired"), [nameof(CompanyName)]);
        }

        if (string.IsNullOrWhiteSpace(ContactName))
        {
            yield return new ValidationResult(ValidationText.Get("Grievance.Error.ContactRequired"), [nameof(ContactName)]);
        }

        if (string.IsNullOrWhiteSpace(ContactPhone) && string.IsNullOrWhiteSpace(ContactEmail))
        {
            yield return new ValidationResult(ValidationText.Get("Grievance.Error.PhoneOrEmail"), [nameof(ContactPhone)]);
        }
    }
}

public sealed record GrievanceQuery(bool OpenOnly, GrievanceTopic? Topic, int Page, int PageSize);

/// <summary>A list row: no identity at all (保護您), whoever reads the list.</summary>
public sealed record GrievanceRow(int Id, string Number, DateTime OpenedUtc, GrievanceTopic Topic, string Subject, CaseStatus Status,
    GrievanceSource Source, string? AuditorName, DateTime LastActivityUtc);

/// <summary>The complainant's identity, masked; <see cref="Protected"/> when the reader may not see it.</summary>
public sealed record GrievanceIdentityView(bool Protected, bool Anonymous, string? CompanyName, string? ContactName, string? ContactPhone, string? ContactEmail);

public sealed record GrievanceDetail(
    int Id, string Number, CaseStatus Status, GrievanceTopic Topic, GrievanceSource Source, string Subject, string Description,
    GrievanceIdentityView Identity, string? AssigneeName, string? AuditorId, string? AuditorName,
    GrievanceOutcome? Outcome, string? Conclusion, DateTime? ConcludedUtc, string? SignedOffByName, DateTime? SignedOffUtc,
    DateTime OpenedUtc, DateTime? ClosedUtc, Guid Version, IReadOnlyList<CaseEventView> History, IReadOnlyList<CaseAttachmentView> Attachments,
    bool CanManage, bool CanWork, bool IsAssignedAuditor, IReadOnlyList<CaseStatus> NextStatuses);

public sealed record AuditorOption(string Id, string Name);

/// <summary>What the supplier sees with its case number and token: no content, no names.</summary>
public sealed record GrievanceStatusView(string Number, GrievanceTopic Topic, CaseStatus Status, DateTime OpenedUtc, DateTime LastActivityUtc, GrievanceOutcome? Outcome);

public sealed record GrievanceReceipt(string Number, string Token);

/// <summary>The public form's outcome: the receipt (case number and token, shown once) when <see cref="Result"/> succeeded.</summary>
public sealed record GrievanceSubmission(Result Result, GrievanceReceipt? Receipt);

public sealed record DigestRow(int Id, string Number, GrievanceTopic Topic, string Subject, CaseStatus Status, DateTime OpenedUtc, DateTime LastActivityUtc,
    bool New, bool ReadByMe, bool ReadByHead, bool ReadByExecutive, bool Overdue);

public sealed record GrievanceYearCount(GrievanceTopic Topic, GrievanceOutcome? Outcome, int Count);

public sealed record UploadedFile(string FileName, long Length, Stream Content);
