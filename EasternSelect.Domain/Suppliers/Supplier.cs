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

    public SupplierStatus Status { get; set; } = SupplierStatus.Prospect;

    public SupplierTier Tier { get; set; } = SupplierTier.B;

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
    public string? StatusReason { get; set; }

    /// <summary>Company address (a business address, not personal data).</summary>
    public string? Address { get; set; }

    /// <summary>商品寄售契約書: signed date, expiry and the uploaded signed copy.</summary>
    public DateOnly? ContractSignedOn { get; set; }

    public DateOnly? ContractExpiresOn { get; set; }

    public int? ContractFileId { get; set; }

    public List<Product> Products { get; set; } = [];

    public List<SupplierStatusChange> StatusChanges { get; set; } = [];

    public List<SupplierTierChange> TierChanges { get; set; } = [];

    /// <summary>Moves to another status by the rules of <see cref="SupplierStatusRules"/>, recording who and why.</summary>
    public SupplierStatusChange ChangeStatus(SupplierStatus to, string? reason, string by, DateTime nowUtc)
    {
        if (!SupplierStatusRules.CanChange(Status, to))
        {
            throw new InvalidOperationException($"A supplier cannot go from {Status} to {to}.");
        }

        return Record(to, reason, by, nowUtc);
    }

    /// <summary>The qualification verdict (判定合格) is the only way from review to qualified.</summary>
    public SupplierStatusChange Qualify(string reason, string by, DateTime nowUtc) => Record(SupplierStatus.Qualified, reason, by, nowUtc);

    public SupplierTierChange ChangeTier(SupplierTier to, string reason, string approvedBy, DateTime nowUtc, int? proposalId = null)
    {
        var change = new SupplierTierChange { SupplierId = Id, From = Tier, To = to, Reason = reason, ApprovedBy = approvedBy, ChangedUtc = nowUtc, TierProposalId = proposalId };
        Tier = to;
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
            throw new InvalidOperationException($"Changing a supplier to {to} needs a reason.");
        }

        var change = new SupplierStatusChange { SupplierId = Id, From = Status, To = to, Reason = reason?.Trim() ?? string.Empty, ChangedBy = by, ChangedUtc = nowUtc };
        Status = to;
        StatusReason = reason?.Trim();
        StatusChanges.Add(change);
        return change;
    }
}
