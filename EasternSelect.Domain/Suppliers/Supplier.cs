using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Suppliers;

public sealed class Supplier : AggregateRoot
{
    public const int MinimumWarrantyMonths = 12;

    public string Name { get; set; } = string.Empty;

    /// <summary>統一編號, validated with <see cref="TaxId.IsValid"/>.</summary>
    public string TaxId { get; set; } = string.Empty;

    public SupplierCategory Category { get; set; }

    /// <summary>ISO 3166 alpha-2 country code; "TW" for local suppliers.</summary>
    public string CountryCode { get; set; } = "TW";

    public bool IsLocal => CountryCode == "TW";

    private SupplierStatus _status = SupplierStatus.Prospect;

    private SupplierTier _tier = SupplierTier.B;

    private string? _statusReason;

    /// <summary>Given when the supplier is registered (import, history, test data); later only <see cref="ChangeStatus"/> and <see cref="Qualify"/> change it.</summary>
    public SupplierStatus Status { get => _status; init => _status = value; }

    /// <summary>Given when the supplier is registered; later only an approved tier proposal changes it, through <see cref="ChangeTier"/>.</summary>
    public SupplierTier Tier { get => _tier; init => _tier = value; }

    [PersonalData(PersonalDataKind.Name)]
    public string ContactName { get; set; } = string.Empty;

    [PersonalData(PersonalDataKind.Phone)]
    public string ContactPhone { get; set; } = string.Empty;

    [PersonalData(PersonalDataKind.Email)]
    public string ContactEmail { get; set; } = string.Empty;

    public int WarrantyMonths { get; set; } = MinimumWarrantyMonths;

    /// <summary>Yearly transaction volume in NT$.</summary>
    public decimal YearlyTransactionVolume { get; set; }

    /// <summary>Why the supplier has its current status (required for suspension and termination).</summary>
    public string? StatusReason { get => _statusReason; init => _statusReason = value; }

    /// <summary>Company address (a business address, not personal data).</summary>
    public string? Address { get; set; }

    /// <summary>商品寄售契約書: signed date, expiry and the uploaded signed copy.</summary>
    public DateOnly? ContractSignedOn { get; set; }

    public DateOnly? ContractExpiresOn { get; set; }

    public int? ContractFileId { get; set; }

    public List<Product> Products { get; set; } = [];

    public List<SupplierStatusChange> StatusChanges { get; private set; } = [];

    public List<SupplierTierChange> TierChanges { get; private set; } = [];

    /// <summary>Moves to another status by the rules of <see cref="SupplierStatusRules"/>, recording who and why.</summary>
    public SupplierStatusChange ChangeStatus(SupplierStatus to, string? reason, string by, DateTime nowUtc)
    {
        if (!SupplierStatusRules.CanChange(Status, to))
        {
            throw new DomainRuleException("Supplier.StatusChangeNotAllowed");
        }

        return Record(to, reason, by, nowUtc);
    }

    /// <summary>
    /// The qualification verdict (判定合格) is the only way to qualified: from under review, or back from a suspension
    /// that a new review cleared. A prospect or terminated supplier is put under review first.
    /// </summary>
    public SupplierStatusChange Qualify(string reason, string by, DateTime nowUtc)
    {
        if (Status is not (SupplierStatus.UnderReview or SupplierStatus.Suspended))
        {
            throw new DomainRuleException("Supplier.StatusChangeNotAllowed");
        }

        return Record(SupplierStatus.Qualified, reason, by, nowUtc);
    }

    /// <summary>Moves to another tier with the reason and approver on record; a change to the current tier is refused.</summary>
    public SupplierTierChange ChangeTier(SupplierTier to, string reason, string approvedBy, DateTime nowUtc, int? proposalId = null)
    {
        if (to == Tier)
        {
            throw new DomainRuleException("Tiering.TierUnchanged");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Tiering.ReasonRequired");
        }

        var change = new SupplierTierChange { SupplierId = Id, From = Tier, To = to, Reason = reason, ApprovedBy = approvedBy, ChangedUtc = nowUtc, TierProposalId = proposalId };
        _tier = to;
        TierChanges.Add(change);
        return change;
    }

    /// <summary>Business rules a person can break when typing: the form shows these keys as messages.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("Supplier.NameRequired");
        }

        if (!Suppliers.TaxId.IsValid(TaxId))
        {
            errors.Add("Supplier.TaxIdInvalid");
        }

        if (WarrantyMonths < MinimumWarrantyMonths)
        {
            errors.Add("Supplier.WarrantyTooShort");
        }

        if (YearlyTransactionVolume < 0)
        {
            errors.Add("Supplier.VolumeNegative");
        }

        if (CountryCode.Length != 2 || !CountryCode.All(char.IsAsciiLetterUpper))
        {
            errors.Add("Supplier.CountryInvalid");
        }

        if (ContractSignedOn is { } signed && ContractExpiresOn is { } expires && expires <= signed)
        {
            errors.Add("Supplier.ContractExpiresBeforeSigned");
        }

        return errors;
    }

    private SupplierStatusChange Record(SupplierStatus to, string? reason, string by, DateTime nowUtc)
    {
        if (SupplierStatusRules.NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Supplier.StatusReasonRequired");
        }

        var change = new SupplierStatusChange { SupplierId = Id, From = Status, To = to, Reason = reason?.Trim() ?? string.Empty, ChangedBy = by, ChangedUtc = nowUtc };
        _status = to;
        _statusReason = reason?.Trim();
        StatusChanges.Add(change);
        return change;
    }
}
