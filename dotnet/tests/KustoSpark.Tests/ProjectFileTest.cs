using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The SDK-style project cannot be built on Mono, so its promises are checked here: the target,
    /// the language version, the XML docs and no package dependencies.
    [TestFixture]
    public class ProjectFileTest
    {
        private static XElement Property(XDocument project, string name)
        {
            return project.Descendants(name).SingleOrDefault();
        }

        [Test]
        public void CsprojTargetsNetStandardWithDocsAndNoPackages()
        {
            XDocument project = XDocument.Parse(ProjectFiles.Read("dotnet", "src", "KustoSpark", "KustoSpark.csproj"));
            Assert.AreEqual("Microsoft.NET.Sdk", project.Root.Attribute("Sdk").Value);
            Assert.AreEqual("netstandard2.0", Property(project, "TargetFramework").Value);
            Assert.AreEqual("7.3", Property(project, "LangVersion").Value);
            Assert.AreEqual("true", Property(project, "GenerateDocumentationFile").Value);
            StringAssert.Contains("CS1591", Property(project, "WarningsAsErrors").Value);
            Assert.AreEqual("KustoSpark", Property(project, "AssemblyName").Value);
            CollectionAssert.IsEmpty(project.Descendants("PackageReference"));
            CollectionAssert.IsEmpty(project.Descendants("Reference"));
        }

        [Test]
        public void NuspecPacksTheLibraryItsDocsAndTheReadme()
        {
            XDocument nuspec = XDocument.Parse(ProjectFiles.Read("packaging", "KustoSpark.nuspec"));
            XNamespace ns = nuspec.Root.Name.Namespace;
            Assert.AreEqual("KustoSpark", nuspec.Descendants(ns + "id").Single().Value);
            CollectionAssert.IsSubsetOf(
                new[] { "dotnet/bin/KustoSpark.dll>lib/netstandard2.0", "dotnet/bin/KustoSpark.xml>lib/netstandard2.0", "dotnet/README.md>" },
                nuspec.Descendants(ns + "file").Select(f => f.Attribute("src").Value + ">" + f.Attribute("target").Value).ToList());
            CollectionAssert.IsEmpty(nuspec.Descendants(ns + "dependency"));
        }
    }
}
