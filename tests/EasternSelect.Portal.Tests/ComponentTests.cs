using Bunit;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Components.Layout;
using EasternSelect.Portal.Features.Admin.Users;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EasternSelect.Portal.Tests;

/// <summary>Components rendered with bUnit, MudBlazor services and loose JS interop.</summary>
public sealed class ComponentTests : BunitContext, IAsyncLifetime
{
    public ComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-TW");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable: dispose the container asynchronously first.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void RolePicker_CheckingARole_RaisesSelectionWithItAdded()
    {
        IReadOnlyCollection<string>? raised = null;
        var cut = Render<RolePicker>(p => p
            .Add(x => x.Selected, [Roles.QaInspector])
            .Add(x => x.SelectedChanged, r => raised = r));

        cut.Find($"[data-testid=role-{Roles.QaManager}] input, input[data-testid=role-{Roles.QaManager}]").Change(true);

        Assert.NotNull(raised);
        Assert.Equal([Roles.QaInspector, Roles.QaManager], raised!.Order());
    }

    [Fact]
    public void RolePicker_UncheckingARole_RaisesSelectionWithoutIt()
    {
        IReadOnlyCollection<string>? raised = null;
        var cut = Render<RolePicker>(p => p
            .Add(x => x.Selected, [Roles.QaInspector, Roles.Executive])
            .Add(x => x.SelectedChanged, r => raised = r));

        cut.Find($"[data-testid=role-{Roles.Executive}] input, input[data-testid=role-{Roles.Executive}]").Change(false);

        Assert.Equal([Roles.QaInspector], raised);
    }

    [Fact]
    public void RolePicker_Labels_AreTraditionalChinese()
    {
        var cut = Render<RolePicker>(p => p.Add(x => x.Selected, []));

        Assert.Contains("品保檢驗員", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("第三方稽核", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(Roles.All.Count, cut.FindAll("input[type=checkbox]").Count);
    }

    [Fact]
    public void NavMenu_WithOnlyProductPolicy_ShowsProductsButNotRegistryOrAdministration()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("cx.agent@demo.local");
        auth.SetPolicies(Policies.ProductCatalogue);

        var cut = Render<NavMenu>();

        Assert.NotEmpty(cut.FindAll("[data-testid=nav-products]"));
        Assert.Empty(cut.FindAll("[data-testid=nav-suppliers]"));
        Assert.Empty(cut.FindAll("[data-testid=nav-admin-users]"));
    }
}
