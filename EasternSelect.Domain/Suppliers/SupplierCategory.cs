namespace EasternSelect.Domain.Suppliers;

/// <summary>The six product categories of the seed (六大商品類別).</summary>
public enum SupplierCategory
{
    BeautyHealth = 1,
    Food = 2,
    ElectronicsAppliances = 3,
    LeisureSmallAppliances = 4,
    FashionTextiles = 5,
    JewelleryLuxury = 6,
}

public enum SupplierStatus
{
    Prospect,
    UnderReview,
    Qualified,
    Suspended,
    Terminated,
}

public enum SupplierTier
{
    SelfInspection,
    A,
    B,
    C,
}

public enum SalesChannel
{
    Tv,
    ECommerce,
    Catalogue,
}

public enum ListingStatus
{
    Listed,
    Delisted,

    /// <summary>待上架: created, waiting for its sample pre-inspection to pass (or a QA manager's exception).</summary>
    Pending,
}

/// <summary>Who took a product off sale: a QA delisting is relisted only by the QA manager.</summary>
public enum ListingSide
{
    SupplierService,
    QualityAssurance,
}
