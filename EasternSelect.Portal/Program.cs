using EasternSelect.Data;
using EasternSelect.Data.Seed;
using EasternSelect.Portal.Features.Admin;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Committees;
using EasternSelect.Portal.Features.Dashboard;
using EasternSelect.Portal.Features.Files;
using EasternSelect.Portal.Features.Imports;
using EasternSelect.Portal.Features.Inspections;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Settings;
using EasternSelect.Portal.Features.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Cli;
using EasternSelect.Portal.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
builder.UseRootAppSettings();
var demoMode = PortalConfiguration.IsDemoMode(builder.Configuration, builder.Environment);

builder.Services.AddPortalShell(builder.Configuration, builder.Environment);
builder.Services.AddPortalSecurity(builder.Configuration);
builder.Services.AddAdmin();
builder.Services.AddSuppliers();
builder.Services.AddInspections(builder.Configuration);
builder.Services.AddCommittees();
builder.Services.AddCasework(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddFiles();
builder.Services.AddImports();
builder.Services.AddSettings();
builder.Services.AddReports(builder.Configuration, builder.Environment);

var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

await DatabaseInitializer.InitializeAsync(app.Services, demoMode);
app.UsePortalPipeline();
app.MapPortalEndpoints();

app.Logger.LogInformation("Eastern Select Portal: database {Provider}, demo mode {Demo}.", app.Services.GetRequiredService<PortalDatabase>().Provider, demoMode);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
