using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

public enum CheckResult
{
    Pass,
    Fail,
    NotApplicable,
}

public enum SampleVerdict
{
    Pass,
    Fail,
    Conditional,
}

public enum SampleInspectionStatus
{
    /// <summary>The inspector is filling the checklist (also after the manager sent it back).</summary>
    Draft,
    AwaitingConfirmation,
    Confirmed,
}

public enum LabResult
{
    Pass,
    Fail,
}

/// <summary>
/// 樣品預先檢驗: an inspector checks a product sample against the category's checklist version of the day
/// (the inspection keeps pointing to that version), may refer it to a recognised lab, and records a verdict
/// the QA manager confirms or sends back.
/// </summary>
public sealed class SamplePreInspection : AggregateRoot
{
    public const int NoteMaxLength = 500;
    public const int TextMaxLength = 2000;

    private readonly List<SampleCheckItem> _items = [];
    private readonly List<SamplePhoto> _photos = [];
    private readonly List<LabReferral> _labReferrals = [];

    public int ProductId { get; private set; }

    public Product? Product { get; set; }

    public int ChecklistTemplateId { get; private set; }

    public ChecklistTemplate? ChecklistTemplate { get; set; }

    public DateOnly SampleReceivedOn { get; private set; }

    public string InspectorId { get; private set; } = string.Empty;

    public string InspectorName { get; private set; } = string.Empty;

    public SampleInspectionStatus Status { get; private set; } = SampleInspectionStatus.Draft;

    public SampleVerdict? Verdict { get; private set; }

    /// <summary>The conditions of a conditional pass (e.g. 標示修正後再出貨).</summary>
    public string? Conditions { get; private set; }

    public string? VerdictNote { get; private set; }

    public DateTime? SubmittedUtc { get; private set; }

    public string? ConfirmedById { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTime? ConfirmedUtc { get; private set; }

    /// <summary>Why the manager sent the verdict back; kept until the inspector submits again.</summary>
    public string? SendBackReason { get; private set; }

    public IReadOnlyList<SampleCheckItem> Items => _items;

    public IReadOnlyList<SamplePhoto> Photos => _photos;

    public IReadOnlyList<LabReferral> LabReferrals => _labReferrals;

    /// <summary>A new inspection of the product against the given checklist version (of the product's category).</summary>
    public static SamplePreInspection Start(Product product, ChecklistTemplate template, DateOnly sampleReceivedOn, string inspectorId, string inspectorName)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Category != product.Category)
        {
            throw new DomainRuleException("Sample.ChecklistOfAnotherCategory");
        }

        var sample = new SamplePreInspection
        {
            ProductId = product.Id,
            Product = product,
            ChecklistTemplateId = template.Id,
            ChecklistTemplate = template,
            SampleReceivedOn = sampleReceivedOn,
            InspectorId = inspectorId,
            InspectorName = inspectorName,
        };
        sample._items.AddRange(template.Items.OrderBy(i => i.Order)
            .Select(i => new SampleCheckItem { ChecklistItemId = i.Id, Code = i.Code, DefectClass = i.DefectClass, Order = i.Order }));
        return sample;
    }

    public bool Editable => Status == SampleInspectionStatus.Draft;

    /// <summary>Confirmed by the QA manager with a pass or a conditional pass: what lets a pending product be listed.</summary>
    public bool Passed => Status == SampleInspectionStatus.Confirmed && Verdict is SampleVerdict.Pass or SampleVerdict.Conditional;

    /// <summary>Items failed that are critical defects (嚴重缺點).</summary>
    public IEnumerable<SampleCheckItem> FailedCritical => Items.Where(i => i.Result == CheckResult.Fail && i.DefectClass == DefectClass.Critical);

    public void SetResult(string code, CheckResult? result, string? note)
    {
        EnsureEditable();
        var item = Items.FirstOrDefault(i => i.Code == code) ?? throw new DomainRuleException("Sample.UnknownItem");
        item.Result = result;
        item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>A photo of the sample, while the inspection is a draft.</summary>
    public void AddPhoto(StoredFile file)
    {
        EnsureEditable();
        _photos.Add(new SamplePhoto { File = file });
    }

    /// <summary>Sends the sample to a recognised lab, while the inspection is a draft.</summary>
    public LabReferral ReferToLab(int labId, string testItems, DateOnly sentOn)
    {
        EnsureEditable();
        var referral = new LabReferral { RecognisedLabId = labId, TestItems = testItems.Trim(), SentOn = sentOn };
        _labReferrals.Add(referral);
        return referral;
    }

    /// <summary>The lab's report on one of this inspection's referrals: number, result, date and the report file.</summary>
    public void RecordLabResult(LabReferral referral, string reportNumber, LabResult result, DateOnly reportedOn, StoredFile? report)
    {
        EnsureEditable();
        if (!_labReferrals.Contains(referral))
        {
            throw new DomainRuleException("Lab.ReferralNotFound");
        }

        referral.ReportNumber = reportNumber.Trim();
        referral.Result = result;
        referral.ReportedOn = reportedOn;
        referral.ReportFile = report;
    }

    /// <summary>Error keys that forbid this verdict now (empty when it may be submitted).</summary>
    public IReadOnlyList<string> VerdictErrors(SampleVerdict? verdict, string? conditions)
    {
        var errors = new List<string>();
        if (verdict is null)
        {
            errors.Add("Sample.VerdictRequired");
            return errors;
        }

        if (Items.Any(i => i.Result is null))
        {
            errors.Add("Sample.ItemsUnchecked");
        }

        if (verdict == SampleVerdict.Conditional && string.IsNullOrWhiteSpace(conditions))
        {
            errors.Add("Sample.ConditionsRequired");
        }

        // The core rule: a failed critical item never passes, not even with conditions.
        if (verdict != SampleVerdict.Fail && FailedCritical.Any())
        {
            errors.Add("Sample.CriticalFailedCannotPass");
        }

        if (verdict != SampleVerdict.Fail && LabReferrals.Any(l => l.Result is null))
        {
            errors.Add("Sample.LabPending");
        }

        if (verdict != SampleVerdict.Fail && LabReferrals.Any(l => l.Result == LabResult.Fail))
        {
            errors.Add("Sample.LabFailedCannotPass");
        }

        return errors;
    }

    /// <summary>The inspector's verdict, sent to the QA manager. Refuses with the first of <see cref="VerdictErrors"/> when there are any.</summary>
    public void Submit(SampleVerdict? verdict, string? conditions, string? note, DateTime nowUtc)
    {
        EnsureEditable();
        var errors = VerdictErrors(verdict, conditions);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors[0]);
        }

        Verdict = verdict;
        Conditions = verdict == SampleVerdict.Conditional ? conditions!.Trim() : null;
        VerdictNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        SubmittedUtc = nowUtc;
        Status = SampleInspectionStatus.AwaitingConfirmation;
    }

    /// <summary>The QA manager confirms; never the inspector who gave the verdict.</summary>
    public void Confirm(string managerId, string managerName, DateTime nowUtc)
    {
        EnsureAwaiting();
        if (managerId == InspectorId)
        {
            throw new DomainRuleException("Sample.SelfConfirmation");
        }

        Status = SampleInspectionStatus.Confirmed;
        ConfirmedById = managerId;
        ConfirmedByName = managerName;
        ConfirmedUtc = nowUtc;
        SendBackReason = null;
    }

    /// <summary>The QA manager sends the verdict back to the inspector with a reason; the inspection is editable again.</summary>
    public void SendBack(string reason, string managerId)
    {
        EnsureAwaiting();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Sample.SendBackReasonRequired");
        }

        if (managerId == InspectorId)
        {
            throw new DomainRuleException("Sample.SelfConfirmation");
        }

        Status = SampleInspectionStatus.Draft;
        SendBackReason = reason.Trim();
    }

    private void EnsureEditable()
    {
        if (!Editable)
        {
            throw new DomainRuleException("Sample.NotEditable");
        }
    }

    private void EnsureAwaiting()
    {
        if (Status != SampleInspectionStatus.AwaitingConfirmation)
        {
            throw new DomainRuleException("Sample.NotAwaiting");
        }
    }
}

/// <summary>The result of one checklist item. Code and defect class are copied so the verdict rule needs no join.</summary>
public sealed class SampleCheckItem : Entity
{
    public int SamplePreInspectionId { get; set; }

    public int ChecklistItemId { get; set; }

    public string Code { get; set; } = string.Empty;

    public DefectClass DefectClass { get; set; }

    public int Order { get; set; }

    public CheckResult? Result { get; internal set; }

    public string? Note { get; internal set; }
}

public sealed class SamplePhoto : Entity
{
    public int SamplePreInspectionId { get; set; }

    public int StoredFileId { get; set; }

    public StoredFile? File { get; set; }
}

/// <summary>A lab recognised by the Ministry of Health and Welfare (衛福部認可實驗室); a maintained list.</summary>
public sealed class RecognisedLab : Entity
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The recognition number, e.g. 衛授食字第1091901234號 / TAF 0010.</summary>
    public string RecognitionNumber { get; set; } = string.Empty;

    /// <summary>What the lab is recognised for (食品微生物、重金屬、化粧品 …).</summary>
    public string Scope { get; set; } = string.Empty;

    public bool Active { get; set; } = true;
}

/// <summary>A special product's sample sent to a recognised lab; the report comes back as a number, a result and a PDF.</summary>
public sealed class LabReferral : Entity
{
    public const int TestItemsMaxLength = 500;

    public int SamplePreInspectionId { get; set; }

    public int RecognisedLabId { get; set; }

    public RecognisedLab? Lab { get; set; }

    /// <summary>What is tested (重金屬、塑化劑、微生物 …).</summary>
    public string TestItems { get; set; } = string.Empty;

    public DateOnly SentOn { get; set; }

    public string? ReportNumber { get; internal set; }

    public LabResult? Result { get; internal set; }

    public DateOnly? ReportedOn { get; internal set; }

    public int? ReportFileId { get; internal set; }

    public StoredFile? ReportFile { get; internal set; }
}
