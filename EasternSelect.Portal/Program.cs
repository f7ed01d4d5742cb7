using EasternSelect.Data;
using EasternSelect.Portal.Components;
using EasternSelect.Portal.Features.Account;
using EasternSelect.Portal.Features.Admin.Audit;
using EasternSelect.Portal.Features.Admin.Users;
using EasternSelect.Portal.Features.Casework.Grievances;
using EasternSelect.Portal.Features.Inspections;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Records;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Cli;
using EasternSelect.Portal.Infrastructure.Database;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.UseRootAppSettings();
var demoMode = PortalConfiguration.IsDemoMode(builder.Configuration, builder.Environment);

builder.Services.AddSingleton(TimeProvider.System);
// Render Chinese as UTF-8 text rather than &#x…; escapes: smaller pages, readable source.
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<EasternSelect.Data.Auditing.ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
builder.Services.AddScoped<AuditLog>();

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
builder.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = IdentityConstants.ApplicationScheme;
        o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o => SecurityConfiguration.ConfigureCookie(o, builder.Configuration));
builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
builder.Services.AddIdentityCore<PortalUser>(o => SecurityConfiguration.ConfigureIdentity(o, builder.Configuration))
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<PortalIdentityErrorDescriber>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddClaimsPrincipalFactory<PortalClaimsFactory>();
builder.Services.AddAuthorization(o => Policies.Add(o, demoMode));
builder.Services.AddDataProtection().SetApplicationName("EasternSelect.Portal").PersistKeysToDbContext<PortalDbContext>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

builder.Services.AddScoped<UserAdminService>();
builder.Services.AddScoped<AuditSearchService>();
builder.Services.AddScoped<PolicyGuard>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Registry.SupplierListService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Products.ProductListService>();
builder.Services.AddScoped<SignInAudit>();

// Suppliers: tiering and CSR
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Tiering.TieringService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Csr.CsrService>();

// Suppliers: registry, detail, Excel
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Registry.SupplierEditService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Registry.SupplierDetailService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Registry.SupplierExcelService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Products.ProductEditService>();

// Suppliers: qualification reviews and training
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Reviews.ReviewService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Suppliers.Training.TrainingService>();

// Inspections: checklists and specs
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.Specs.InspectionSpecService>();
builder.Services.Configure<EasternSelect.Portal.Features.Inspections.Lots.IncomingLotOptions>(builder.Configuration.GetSection(EasternSelect.Portal.Features.Inspections.Lots.IncomingLotOptions.Section));
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.Lots.IncomingLotService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.Quality.QualityFiguresService>();

// Inspections: sample pre-inspection, monthly spot checks, factory audits
builder.Services.Configure<EasternSelect.Domain.Inspections.SpotCheckRuleSettings>(builder.Configuration.GetSection("Inspections:SpotChecks"));
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.InspectionFileService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.Samples.SampleInspectionService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.SpotChecks.SpotCheckService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Inspections.Audits.FactoryAuditService>();

// Reports: the engine (PDF with the shipped CJK font, Excel), the catalogue and the ESG report's sections in order.
builder.Services.AddSingleton(sp => EasternSelect.Portal.Features.Reports.ReportFont.Load(builder.Configuration, builder.Environment.ContentRootPath));
builder.Services.AddSingleton<EasternSelect.Portal.Features.Reports.PdfReportRenderer>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.ReportService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.SupplierEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.TrainingEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.InspectionEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.ComplaintEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.GrievanceEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.CaseReports>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Records.IRecordSource, EasternSelect.Portal.Features.Reports.Records.ComplaintRecords>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Records.IRecordSource, EasternSelect.Portal.Features.Reports.Records.GrievanceRecords>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.IEsgSection, EasternSelect.Portal.Features.Reports.Esg.CommitteeEsgSection>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Reports.Esg.EsgReport>();
builder.Services.AddReportRecords();
builder.Services.AddScoped<EasternSelect.Portal.Features.Committees.ProductReviewService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Committees.AnomalyGatherer>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Committees.AnomalyMeetingService>();

// Casework: complaints and grievances
builder.Services.AddSingleton(sp => EasternSelect.Portal.Features.Casework.CaseworkSettings.From(
    builder.Configuration.GetSection("Casework").Get<EasternSelect.Portal.Features.Casework.CaseworkOptions>() ?? new()));
builder.Services.AddScoped<EasternSelect.Portal.Features.Casework.NotificationService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Casework.Complaints.ComplaintService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Casework.Complaints.ComplaintKpiService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Casework.Grievances.GrievanceService>();
builder.Services.AddScoped<EasternSelect.Portal.Features.Dashboard.DashboardService>();
builder.Services.AddPublicRateLimits(builder.Configuration);

var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

await DatabaseInitializer.InitializeAsync(app.Services, demoMode);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers.XFrameOptions = "DENY";
    headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseRequestLocalization(o =>
{
    o.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
    o.RequestCultureProviders = [new CookieRequestCultureProvider()];
});
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapSupplierEndpoints();
app.MapInspectionEndpoints();
app.MapReportEndpoints();
app.MapCultureEndpoint();
app.MapHealthChecks("/healthz").AllowAnonymous();

app.Logger.LogInformation("Eastern Select Portal: database {Provider}, demo mode {Demo}.", app.Services.GetRequiredService<PortalDatabase>().Provider, demoMode);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
