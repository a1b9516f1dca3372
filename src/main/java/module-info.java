/** neuralop4j: neural operators in pure Java. Needs nothing but java.base. */
module org.neuralop4j {
    exports org.neuralop4j.tensor;
    exports org.neuralop4j.fft;
    exports org.neuralop4j.linalg;
    exports org.neuralop4j.autograd;
    exports org.neuralop4j.nn;
    exports org.neuralop4j.optim;
    exports org.neuralop4j.pde;
    exports org.neuralop4j.data;
    exports org.neuralop4j.train;
    exports org.neuralop4j.io;
}
