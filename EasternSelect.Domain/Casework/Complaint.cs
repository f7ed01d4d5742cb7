using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Casework;

public enum ComplaintChannel
{
    Phone,
    Web,
    App,
    Ivr,
    Email,
}

/// <summary>Why a complaint happened. The seed's targets count quality and non-quality returns apart.</summary>
public enum RootCause
{
    QualityDefect,
    CustomerHandling,
    Delivery,
    Expectation,
    ServiceProcess,
    Other,
}

/// <summary>What makes a complaint a major case (重大客訴); flags, since one text can be several.</summary>
[Flags]
public enum MajorCaseReason
{
    None = 0,
    PersonalInjury = 1,
    PersonalData = 2,
    Media = 4,
    LegalThreat = 8,
}

/// <summary>A customer complaint (客訴). Customer contact details are personal data, masked everywhere unless revealed.</summary>
public sealed class Complaint : CaseFile
{
    public ComplaintChannel Channel { get; set; }

    [PersonalData(PersonalDataKind.Name)]
    public string CustomerName { get; set; } = string.Empty;

    [PersonalData(PersonalDataKind.Phone)]
    public string CustomerPhone { get; set; } = string.Empty;

    [PersonalData(PersonalDataKind.Email)]
    public string? CustomerEmail { get; set; }

    [PersonalData(PersonalDataKind.Address)]
    public string? CustomerAddress { get; set; }

    public string? OrderNumber { get; set; }

    public int? ProductId { get; set; }

    /// <summary>The product's supplier, kept so quality complaints count toward the supplier's complaint rate.</summary>
    public int? SupplierId { get; set; }

    public int CategoryId { get; set; }

    public bool IsMajor { get; private set; }

    public MajorCaseReason MajorReasons { get; private set; }

    /// <summary>True when the portal found the signs in the text, false when an agent flagged it.</summary>
    public bool MajorDetected { get; private set; }

    public RootCause? RootCause { get; private set; }

    public string? RootCauseNote { get; private set; }

    public bool IsOnline => IsOnlineChannel(Channel);

    public static bool IsOnlineChannel(ComplaintChannel channel) => channel is ComplaintChannel.Web or ComplaintChannel.App or ComplaintChannel.Email;

    public static bool IsQuality(RootCause cause) => cause == Casework.RootCause.QualityDefect;

    /// <summary>Escalates to the major-case team. Returns false when it already was a major case for these reasons.</summary>
    public bool MarkMajor(MajorCaseReason reasons, bool detected, CaseActor by, DateTime utc)
    {
        if (reasons == MajorCaseReason.None || IsMajor && (MajorReasons & reasons) == reasons)
        {
            return false;
        }

        IsMajor = true;
        MajorReasons |= reasons;
        MajorDetected = MajorDetected || detected;
        Record(CaseEventKind.MajorCase, by, utc, text: MajorReasons.ToString());
        return true;
    }

    /// <summary>Records why it happened; a quality defect needs the supplier of the product.</summary>
    public void SetRootCause(RootCause cause, string? note, int? supplierId, CaseActor by, DateTime utc)
    {
        if (cause == Casework.RootCause.QualityDefect && supplierId is null)
        {
            throw new DomainRuleException("Complaint.Error.QualityNeedsSupplier");
        }

        RootCause = cause;
        RootCauseNote = Blank(note);
        if (supplierId is not null)
        {
            SupplierId = supplierId;
        }

        Record(CaseEventKind.RootCause, by, utc, text: cause.ToString() + (RootCauseNote is null ? string.Empty : "：" + RootCauseNote));
    }

    /// <summary>
    /// Closes in one step with its root cause (closing requires one): a case still being worked is resolved first, and a
    /// quality defect is put on the product's supplier.
    /// </summary>
    public void Close(RootCause cause, string? note, CaseActor by, DateTime utc)
    {
        // Checked before any step, so a refusal leaves the case as it was.
        if (cause == Casework.RootCause.QualityDefect && SupplierId is null)
        {
            throw new DomainRuleException("Complaint.Error.QualityNeedsSupplier");
        }

        if (Status is CaseStatus.Investigating or CaseStatus.WaitingForCustomer or CaseStatus.WaitingForSupplier)
        {
            MoveTo(CaseStatus.Resolved, by, utc);
        }
        else if (Status != CaseStatus.Resolved)
        {
            throw new DomainRuleException("Case.Error.Transition");
        }

        SetRootCause(cause, note, cause == Casework.RootCause.QualityDefect ? SupplierId : null, by, utc);
        MoveTo(CaseStatus.Closed, by, utc);
    }

    public override string? CloseBlocker()
    {
        if (RootCause is null)
        {
            return "Complaint.Error.RootCauseRequired";
        }

        return RootCause == Casework.RootCause.QualityDefect && SupplierId is null ? "Complaint.Error.QualityNeedsSupplier" : null;
    }
}

/// <summary>An editable complaint topic (主要反映內容) for intake and the three-year topic report.</summary>
public sealed class ComplaintCategory : Entity
{
    public string Code { get; set; } = string.Empty;

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Not customer feedback (客服-網路風險訂單, 客服忙線語音留電): counted apart, never in the complaint rate.</summary>
    public bool ExcludedFromStatistics { get; set; }
}
