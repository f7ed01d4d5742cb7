using System.Security.Claims;
using EasternSelect.Data.Auditing;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>
/// The person of the current scope (an HTTP request or a Blazor circuit), for the audit log.
/// Set by <see cref="CurrentUserMiddleware"/> per request and by <see cref="CurrentUserCircuitHandler"/> per circuit.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public string? IpAddress { get; private set; }

    public AuditActor Actor => Principal.Identity?.IsAuthenticated == true
        ? new AuditActor(Principal.FindFirstValue(ClaimTypes.NameIdentifier), Principal.Identity.Name ?? "unknown", IpAddress)
        : AuditActor.Anonymous with { IpAddress = IpAddress };

    public void Set(ClaimsPrincipal principal, string? ipAddress = null)
    {
        Principal = principal;
        IpAddress = ipAddress ?? IpAddress;
    }

    /// <summary>Copies this person into a new DI scope (services that need a fresh Identity store do that).</summary>
    public void CopyTo(CurrentUser other) => other.Set(Principal, IpAddress);
}

public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}

/// <summary>The documented pattern for reaching the circuit's user from scoped services.</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.Set(state.User);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
