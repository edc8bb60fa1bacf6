package dev.gradproof.reports.collect;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads pitest's XML output ({@code mutations.xml}) with the JDK's DOM parser (no DTD, no external
 * entities), and finds the mutation runs of a module: {@code <module>/target/pit-reports/<run>/mutations.xml}.
 */
public final class MutationReports {

    /** pitest's reports folder under {@code target/}. */
    public static final String FOLDER = "pit-reports";
    /** The file pitest writes with the XML output format. */
    public static final String FILE = "mutations.xml";

    private MutationReports() {
    }

    /**
     * The mutation runs beside some results folders (each {@code <module>/target/gradproof-results},
     * or a run folder inside one): those under {@code <module>/target/pit-reports/}, each once, in
     * folder-name order. A file that cannot be read throws, naming it: a report that silently left out
     * a mutation run would overstate nothing, but would hide that the run was broken.
     */
    public static List<MutationRun> near(List<ResultsDirectory> directories) {
        Set<Path> folders = new LinkedHashSet<>();
        for (ResultsDirectory directory : directories) {
            for (Path p = directory.directory().toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                Path name = p.getFileName();
                if (name != null && (name.toString().equals("target") || name.toString().equals("build"))) {
                    folders.add(p.resolve(FOLDER));
                    break;
                }
            }
        }
        List<MutationRun> runs = new ArrayList<>();
        for (Path folder : folders) {
            runs.addAll(in(folder));
        }
        return runs;
    }

    /** The runs of one pitest reports folder: every {@code <run>/mutations.xml} in it, by run name. */
    public static List<MutationRun> in(Path pitReports) {
        if (!Files.isDirectory(pitReports)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(pitReports)) {
            return runs.map(run -> run.resolve(FILE))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(MutationReports::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the mutation runs in " + pitReports + ": " + e.getMessage(), e);
        }
    }

    /** One run: its name is its folder's. */
    public static MutationRun read(Path mutationsXml) {
        Document document;
        boolean stopped;
        try {
            String text = Files.readString(mutationsXml, StandardCharsets.UTF_8);
            // pitest closes the root element only when its run ends: a run stopped before (killed, out of
            // time) leaves the mutations it had written, read up to the last complete one
            stopped = !text.stripTrailing().endsWith("</mutations>");
            if (stopped) {
                int last = text.lastIndexOf("</mutation>");
                int root = text.indexOf("<mutations");
                int open = root < 0 ? -1 : text.indexOf('>', root);
                text = last >= 0 ? text.substring(0, last + "</mutation>".length()) + "\n</mutations>\n"
                        : open >= 0 ? text.substring(0, open + 1) + "</mutations>\n" : text;
            }
            document = parser().parse(new InputSource(new StringReader(text)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable pitest mutations.xml: " + mutationsXml + ": " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("mutations")) {
            throw new IllegalArgumentException("not a pitest mutations.xml (root element <" + root.getTagName()
                    + ">, expected <mutations>): " + mutationsXml);
        }
        NodeList nodes = root.getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            mutants.add(mutant((Element) nodes.item(i), mutationsXml, i));
        }
        Path folder = mutationsXml.toAbsolutePath().getParent();
        return new MutationRun(folder.getFileName().toString(), mutationsXml, stopped, mutants);
    }

    private static Mutant mutant(Element e, Path file, int index) {
        String line = text(e, "lineNumber", file, index);
        try {
            return new Mutant(text(e, "mutatedClass", file, index), text(e, "mutatedMethod", file, index),
                    Integer.parseInt(line), mutatorName(text(e, "mutator", file, index)),
                    text(e, "description", file, index), e.getAttribute("status"),
                    Boolean.parseBoolean(e.getAttribute("detected")));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(file + ": mutation " + index + " has lineNumber \"" + line + "\"", ex);
        }
    }

    /** {@code org.pitest...gregor.mutators.MathMutator} → {@code Math}; {@code ...returns.NullReturnValsMutator} → {@code NullReturnVals}. */
    static String mutatorName(String mutator) {
        String simple = mutator.substring(mutator.lastIndexOf('.') + 1);
        return simple.endsWith("Mutator") ? simple.substring(0, simple.length() - "Mutator".length()) : simple;
    }

    private static String text(Element e, String tag, Path file, int index) {
        NodeList found = e.getElementsByTagName(tag);
        if (found.getLength() == 0) {
            throw new IllegalArgumentException(file + ": mutation " + index + " has no <" + tag + ">");
        }
        return found.item(0).getTextContent().trim();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }
}
