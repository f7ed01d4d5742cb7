using EasternSelect.Portal.Features.Suppliers.Csr;
using EasternSelect.Portal.Features.Suppliers.Products;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Features.Suppliers.Reviews;
using EasternSelect.Portal.Features.Suppliers.Tiering;
using EasternSelect.Portal.Features.Suppliers.Training;

namespace EasternSelect.Portal.Features.Suppliers;

public static class SuppliersRegistration
{
    /// <summary>/suppliers/*: registry, products, qualification reviews, tiering, training and CSR.</summary>
    public static IServiceCollection AddSuppliers(this IServiceCollection services)
    {
        services.AddScoped<SupplierListService>();
        services.AddScoped<SupplierEditService>();
        services.AddScoped<SupplierStatusService>();
        services.AddScoped<SupplierContactService>();
        services.AddScoped<SupplierDetailService>();
        services.AddScoped<SupplierExcelService>();
        services.AddScoped<ProductListService>();
        services.AddScoped<ProductEditService>();
        services.AddScoped<ReviewListService>();
        services.AddScoped<StartReviewService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewVerdictService>();
        services.AddScoped<ReviewYearSummaryService>();
        services.AddScoped<TieringService>();
        services.AddScoped<TierChangeEffects>();
        services.AddScoped<TrainingService>();
        services.AddScoped<CsrService>();
        return services;
    }
}
