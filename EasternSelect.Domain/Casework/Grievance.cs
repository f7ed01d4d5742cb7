using System.Security.Cryptography;
using System.Text;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Casework;

/// <summary>The seed's main grievance topics (商品銷售、作業協調、貨款費用).</summary>
public enum GrievanceTopic
{
    ProductSales,
    OperationalCoordination,
    PaymentsFees,
    Other,
}

public enum GrievanceSource
{
    /// <summary>Recorded by a supplier-service officer (phone, visit, letter).</summary>
    Officer,

    /// <summary>Filed by the supplier on the public form.</summary>
    PublicForm,
}

public enum GrievanceOutcome
{
    Substantiated,
    PartlySubstantiated,
    NotSubstantiated,
    Withdrawn,
}

/// <summary>
/// A supplier grievance (廠訴) under the four principles: 明白講 (accepted and investigated), 保護您 (the
/// complainant's identity is confidential), 立馬辦 (read daily by the general manager and the head), 客觀查
/// (a third-party auditor investigates, concludes, and the head signs off before closure).
/// </summary>
public sealed class Grievance : CaseFile
{
    public GrievanceTopic Topic { get; set; }

    public GrievanceSource Source { get; set; }

    /// <summary>Short subject; confidential like the content.</summary>
    [PersonalData(PersonalDataKind.FreeText)]
    public string Subject { get; set; } = string.Empty;

    /// <summary>The supplier chose to stay anonymous: no identity or contact was collected at all.</summary>
    public bool Anonymous { get; set; }

    public int? SupplierId { get; set; }

    [PersonalData(PersonalDataKind.Name)]
    public string? CompanyName { get; set; }

    [PersonalData(PersonalDataKind.Name)]
    public string? ContactName { get; set; }

    [PersonalData(PersonalDataKind.Phone)]
    public string? ContactPhone { get; set; }

    [PersonalData(PersonalDataKind.Email)]
    public string? ContactEmail { get; set; }

    /// <summary>Hex SHA-256 of the status token given to the supplier; the token itself is never stored.</summary>
    public string? TokenHash { get; set; }

    public string? AuditorId { get; private set; }

    public string? AuditorName { get; private set; }

    [PersonalData(PersonalDataKind.FreeText)]
    public string? Conclusion { get; private set; }

    public GrievanceOutcome? Outcome { get; private set; }

    public DateTime? ConcludedUtc { get; private set; }

    public string? SignedOffById { get; private set; }

    public string? SignedOffByName { get; private set; }

    public DateTime? SignedOffUtc { get; private set; }

    /// <summary>A new random token (shown once to the supplier) and the hash to store.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (token, HashToken(token));
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public bool TokenMatches(string? token) =>
        TokenHash is not null && !string.IsNullOrWhiteSpace(token)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenHash), Encoding.ASCII.GetBytes(HashToken(token)));

    public void AssignAuditor(CaseActor auditor, CaseActor by, DateTime utc)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new DomainRuleException("Case.Error.Closed");
        }

        if (SignedOffUtc is not null)
        {
            throw new DomainRuleException("Grievance.Error.AlreadySignedOff");
        }

        AuditorId = auditor.Id;
        AuditorName = auditor.Name;
        Record(CaseEventKind.AuditorAssigned, by, utc, text: auditor.Name);
    }

    public void RecordFinding(string text, CaseActor auditor, DateTime utc)
    {
        EnsureAssignedAuditor(auditor);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Case.Error.NoteEmpty");
        }

        Record(CaseEventKind.Finding, auditor, utc, text: text.Trim());
    }

    public void Conclude(GrievanceOutcome outcome, string conclusion, CaseActor auditor, DateTime utc)
    {
        EnsureAssignedAuditor(auditor);
        if (string.IsNullOrWhiteSpace(conclusion))
        {
            throw new DomainRuleException("Grievance.Error.ConclusionEmpty");
        }

        if (Status == CaseStatus.Closed)
        {
            throw new DomainRuleException("Case.Error.Closed");
        }

        Outcome = outcome;
        Conclusion = conclusion.Trim();
        ConcludedUtc = utc;
        SignedOffById = null;
        SignedOffByName = null;
        SignedOffUtc = null;
        Record(CaseEventKind.Conclusion, auditor, utc, text: outcome + "：" + Conclusion);
    }

    /// <summary>The head accepts the auditor's conclusion; the case may then be closed.</summary>
    public void SignOff(CaseActor head, DateTime utc)
    {
        if (ConcludedUtc is null)
        {
            throw new DomainRuleException("Grievance.Error.NoConclusion");
        }

        SignedOffById = head.Id;
        SignedOffByName = head.Name;
        SignedOffUtc = utc;
        Record(CaseEventKind.SignOff, head, utc);
    }

    public override string? CloseBlocker() =>
        ConcludedUtc is null ? "Grievance.Error.NoConclusion"
        : SignedOffUtc is null ? "Grievance.Error.NoSignOff"
        : null;

    protected override void OnReopened()
    {
        SignedOffById = null;
        SignedOffByName = null;
        SignedOffUtc = null;
    }

    private void EnsureAssignedAuditor(CaseActor auditor)
    {
        if (AuditorId is null || auditor.Id != AuditorId)
        {
            throw new DomainRuleException("Grievance.Error.NotAssignedAuditor");
        }
    }
}

/// <summary>A person (general manager, supplier-service head) has read a grievance as it stood at <see cref="ReadUtc"/> (立馬辦).</summary>
public sealed class GrievanceRead : Entity
{
    public int GrievanceId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The role the person read as: SupplierHead or Executive.</summary>
    public string Role { get; set; } = string.Empty;

    public DateTime ReadUtc { get; set; }
}

/// <summary>The digest rule of 立馬辦: a change unread by the next working day is escalated.</summary>
public static class GrievanceDigestRule
{
    public static bool IsUnread(DateTime lastActivityUtc, DateTime? lastReadUtc) => lastReadUtc is null || lastReadUtc < lastActivityUtc;

    public static bool IsOverdue(DateTime lastActivityUtc, DateTime? lastReadUtc, DateTime nowUtc, BusinessCalendar calendar) =>
        IsUnread(lastActivityUtc, lastReadUtc) && nowUtc >= calendar.NextBusinessDayStart(lastActivityUtc);
}
