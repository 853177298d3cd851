package gallery.vision.models.tfjs.graph;

/** A graph model that cannot be converted as asked; the message names the node and the reason. */
public class ConversionException extends RuntimeException {

    public ConversionException(String message) {
        super(message);
    }

    public static ConversionException at(TfNode node, String reason) {
        return new ConversionException(node + ": " + reason);
    }
}
