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

    public List<Product> Products { get; set; } = [];
}
