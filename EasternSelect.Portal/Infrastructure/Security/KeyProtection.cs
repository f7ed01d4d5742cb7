using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>
/// Data-protection keys (they sign sign-in cookies and antiforgery tokens) are encrypted at rest in the database
/// with a certificate: DataProtection:Certificate:Path (+ :Password from the environment or user secrets) or
/// DataProtection:Certificate:Thumbprint (current-user, then local-machine "My" store). Production refuses to
/// start without one unless DataProtection:AllowUnencryptedKeys=true.
/// </summary>
public static class KeyProtection
{
    /// <summary>Reads the configuration when the options are first needed, so test and command-line settings count.</summary>
    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        builder.Services.AddSingleton(_ => new KeyCertificate(Load(configuration)));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            if (sp.GetRequiredService<KeyCertificate>().Certificate is { } certificate)
            {
                o.XmlEncryptor = new CertificateKeyEncryptor(certificate, sp.GetRequiredService<ILoggerFactory>());
            }
        }));
        return builder;
    }

    /// <summary>At start: no certificate in Production stops the portal unless unencrypted keys are allowed explicitly (then a warning).</summary>
    public static void EnsureConfigured(WebApplication app)
    {
        if (app.Services.GetRequiredService<KeyCertificate>().Certificate is not null || app.Environment.IsDevelopment())
        {
            return;
        }

        if (app.Environment.IsProduction() && !app.Configuration.GetValue<bool>("DataProtection:AllowUnencryptedKeys"))
        {
            throw new InvalidOperationException(
                "Data-protection keys would be stored unencrypted: set DataProtection:Certificate:Path (and :Password) or :Thumbprint, or DataProtection:AllowUnencryptedKeys=true.");
        }

        app.Logger.LogWarning("Data-protection keys are stored unencrypted in the database (no DataProtection:Certificate configured).");
    }

    private static X509Certificate2? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("DataProtection:Certificate");
        if (section["Path"] is { Length: > 0 } path)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        }

        if (section["Thumbprint"] is { Length: > 0 } thumbprint)
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0)
                {
                    return found[0];
                }
            }

            throw new InvalidOperationException($"DataProtection:Certificate:Thumbprint {thumbprint} is in neither certificate store.");
        }

        return null;
    }

    /// <summary>The configured key-encryption certificate, loaded once.</summary>
    public sealed record KeyCertificate(X509Certificate2? Certificate);

    /// <summary>The stock certificate encryptor, naming a decryptor that finds the certificate in the services (not the OS store).</summary>
    private sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
    {
        private readonly CertificateXmlEncryptor _inner = new(certificate, loggers);

        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
    }
}

/// <summary>Decrypts a key written by <see cref="KeyProtection"/> with the configured certificate's private key.</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyProtection.KeyCertificate>().Certificate
            ?? throw new InvalidOperationException("A data-protection key is encrypted with a certificate, but DataProtection:Certificate is not configured.");
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.FirstChild!.OuterXml);
    }

    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The data-protection certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
