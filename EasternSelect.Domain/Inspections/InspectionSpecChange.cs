using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

/// <summary>
/// A recorded change of a category's inspection spec (法規履歷更新): which checklist version it produced,
/// what changed, why (the regulation), from when and by whom.
/// </summary>
public sealed class InspectionSpecChange : Entity
{
    public const int WhatChangedMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    public SupplierCategory Category { get; set; }

    public int PreviousTemplateId { get; set; }

    public int NewTemplateId { get; set; }

    public ChecklistTemplate? NewTemplate { get; set; }

    /// <summary>The version number the change produced (denormalized for the history list).</summary>
    public int NewVersionNumber { get; set; }

    public string WhatChanged { get; set; } = string.Empty;

    /// <summary>Why: the regulation, e.g. "食品安全衛生管理法 第22條 修正".</summary>
    public string Reason { get; set; } = string.Empty;

    public DateOnly EffectiveDate { get; set; }

    public string ChangedById { get; set; } = string.Empty;

    public string ChangedByName { get; set; } = string.Empty;

    public DateTime RecordedUtc { get; set; }

    /// <summary>Error keys; empty when the change may be recorded.</summary>
    public static IReadOnlyList<string> Validate(string? whatChanged, string? reason, ChecklistTemplate previous, IReadOnlyList<ChecklistItemDraft> items)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(whatChanged))
        {
            errors.Add("SpecChange.WhatChangedRequired");
        }
        else if (whatChanged.Length > WhatChangedMaxLength)
        {
            errors.Add("SpecChange.WhatChangedTooLong");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("SpecChange.ReasonRequired");
        }
        else if (reason.Length > ReasonMaxLength)
        {
            errors.Add("SpecChange.ReasonTooLong");
        }

        if (items.SequenceEqual(previous.ToDrafts()))
        {
            errors.Add("SpecChange.NoItemChanges");
        }

        return errors;
    }
}
