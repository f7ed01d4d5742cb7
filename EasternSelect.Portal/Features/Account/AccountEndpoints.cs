using EasternSelect.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EasternSelect.Portal.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token (the form in the user menu); the cookie handler audits it.
        // The endpoint binds no form, so the token is checked here. A new security stamp ends the session on the
        // server: a copy of the cookie is refused on its next request (and the person's other sessions end too).
        endpoints.MapPost("/Account/Logout", async (
            HttpContext context,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromServices] UserManager<PortalUser> users) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).RequireAuthorization();
    }
}
