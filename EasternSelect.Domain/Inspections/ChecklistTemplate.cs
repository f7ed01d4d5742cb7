using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

/// <summary>
/// One version of the quality checklist (品管檢核表) of a product category. Versions are never edited once
/// inspections may use them: a spec change creates the next version as a copy with the changes
/// (<see cref="NextVersion"/>), so an inspection keeps pointing at the items it was done against.
/// </summary>
public sealed class ChecklistTemplate : AggregateRoot
{
    public SupplierCategory Category { get; set; }

    /// <summary>1, 2, 3 … per category. (Not <see cref="AggregateRoot.Version"/>, which is the concurrency token.)</summary>
    public int Number { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public List<ChecklistItem> Items { get; set; } = [];

    /// <summary>The first version of a category's checklist.</summary>
    public static ChecklistTemplate Create(SupplierCategory category, IEnumerable<ChecklistItemDraft> items, DateOnly effectiveFrom, string createdBy)
    {
        var template = new ChecklistTemplate { Category = category, Number = 1, EffectiveFrom = effectiveFrom, CreatedBy = createdBy };
        template.Items = ToItems(items);
        return template;
    }

    /// <summary>
    /// The next version: a new template of the same category, numbered one higher, holding the given items
    /// (new item rows, so this version stays untouched). Throws when the items break the checklist rules.
    /// </summary>
    public ChecklistTemplate NextVersion(IEnumerable<ChecklistItemDraft> items, DateOnly effectiveFrom, string createdBy)
    {
        var next = new ChecklistTemplate
        {
            Category = Category,
            Number = Number + 1,
            EffectiveFrom = effectiveFrom,
            CreatedBy = createdBy,
            Items = ToItems(items),
        };
        var errors = next.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The new checklist version is invalid: " + string.Join(", ", errors));
        }

        return next;
    }

    /// <summary>The rule errors the given items would give as the next version (empty when it may be created).</summary>
    public IReadOnlyList<string> ValidateNext(IEnumerable<ChecklistItemDraft> items) =>
        new ChecklistTemplate { Category = Category, Number = Number + 1, Items = ToItems(items) }.Validate();

    /// <summary>The items of this version as drafts, in order: the starting point of an edit.</summary>
    public IReadOnlyList<ChecklistItemDraft> ToDrafts() =>
        Items.OrderBy(i => i.Order).Select(i => new ChecklistItemDraft(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference)).ToList();

    /// <summary>Error keys (localized by the portal); empty when the version is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Number < 1)
        {
            errors.Add("Checklist.NumberInvalid");
        }

        if (!Enum.IsDefined(Category))
        {
            errors.Add("Checklist.CategoryInvalid");
        }

        if (Items.Count == 0)
        {
            errors.Add("Checklist.NoItems");
        }

        if (Items.Any(i => string.IsNullOrWhiteSpace(i.Code)))
        {
            errors.Add("Checklist.CodeRequired");
        }

        if (Items.Any(i => string.IsNullOrWhiteSpace(i.Title)))
        {
            errors.Add("Checklist.TitleRequired");
        }

        if (Items.Any(i => string.IsNullOrWhiteSpace(i.Method)))
        {
            errors.Add("Checklist.MethodRequired");
        }

        if (Items.Any(i => !Enum.IsDefined(i.DefectClass)))
        {
            errors.Add("Checklist.DefectClassRequired");
        }

        if (Items.Where(i => !string.IsNullOrWhiteSpace(i.Code))
            .GroupBy(i => i.Code.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors.Add("Checklist.DuplicateCode");
        }

        return errors;
    }

    private static List<ChecklistItem> ToItems(IEnumerable<ChecklistItemDraft> items) =>
        items.Select((d, index) => new ChecklistItem
        {
            Code = d.Code.Trim(),
            Title = d.Title.Trim(),
            DefectClass = d.DefectClass,
            Method = d.Method.Trim(),
            RegulationReference = string.IsNullOrWhiteSpace(d.RegulationReference) ? null : d.RegulationReference.Trim(),
            Order = index + 1,
        }).ToList();
}

/// <summary>One check of a checklist version. Belongs to exactly one version and is never shared.</summary>
public sealed class ChecklistItem : Entity
{
    public int ChecklistTemplateId { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public DefectClass DefectClass { get; set; }

    /// <summary>How the item is checked (目視、量測、文件審查、實驗室檢驗 …).</summary>
    public string Method { get; set; } = string.Empty;

    /// <summary>The regulation or standard the item rests on, e.g. "食品安全衛生管理法 第22條".</summary>
    public string? RegulationReference { get; set; }

    public int Order { get; set; }
}

/// <summary>An item as edited, before it becomes part of a version.</summary>
public sealed record ChecklistItemDraft(string Code, string Title, DefectClass DefectClass, string Method, string? RegulationReference);
