#!/usr/bin/python3
"""The right values of every SameDiff 1.0.0-M2.1 bug in ../README.md, computed by PyTorch in
float64 at the same points as SameDiffKnownBugsTest, as a second method beside the hand
derivatives written in that test. Debian's python3-torch (apt-get install python3-torch):

    /usr/bin/python3 examples/dl4j-samediff/confirm/confirm_with_torch.py
"""
import math

import torch

torch.set_default_dtype(torch.float64)


def grads(f, upstream, *inputs):
    xs = [torch.tensor(v, requires_grad=True) for v in inputs]
    out = f(*xs)
    out.backward(torch.tensor(upstream))
    return [x.grad.tolist() for x in xs]


def show(bug, what, value):
    print(f"{bug:28s} {what}: {value}")


show("DIV_SCALAR_DIVISOR", "d/db of sum(u * a / b), a=[1,2,3], b=[2], u=[1,2,3]",
     grads(lambda a, b: a / b, [1., 2., 3.], [1., 2., 3.], [2.])[1])
show("MAXIMUM_BROADCAST", "d/db of sum(u * max(a, b)), a=[3,1], b=[2], u=[1,10]",
     grads(torch.maximum, [1., 10.], [3., 1.], [2.])[1])
show("MINIMUM_BROADCAST", "d/db of sum(u * min(a, b)), a=[1,2,3], b=[1.5], u=[1,2,3]",
     grads(torch.minimum, [1., 2., 3.], [1., 2., 3.], [1.5])[1])
show("LEAKY_RELU_FLOAT_SLOPE", "d/dx leaky_relu(x, 0.01), x=[-1,2]",
     grads(lambda x: torch.nn.functional.leaky_relu(x, 0.01), [1., 1.], [-1., 2.])[0])
show("BROADCAST_TO_NO_BACKWARD", "d/dx of sum(u * broadcast_to(x, [2,3])), x=[1,2,3], u=[[1,2,3],[4,5,6]]",
     grads(lambda x: torch.broadcast_to(x, (2, 3)), [[1., 2., 3.], [4., 5., 6.]], [1., 2., 3.])[0])
show("MATMUL_1X1_BACKWARD", "d/dx, d/dw of u * (x @ w), x=[[2]], w=[[3]], u=[[5]]",
     grads(torch.matmul, [[5.]], [[2.]], [[3.]]))
show("LOG_SOFTMAX_AXIS_BACKWARD", "d/dx of sum(u * log_softmax(x, 1)), x=[[1,2,3],[1,0,-1]], u=[[1,2,3],[4,5,6]]",
     grads(lambda x: torch.log_softmax(x, 1), [[1., 2., 3.], [4., 5., 6.]], [[1., 2., 3.], [1., 0., -1.]])[0])
show("LOG_SOFTMAX_OVERFLOW", "log_softmax([[1000,-1000,0]], 1)",
     torch.log_softmax(torch.tensor([[1000., -1000., 0.]]), 1).tolist())
show("REDUCE_SIZE1_AXIS", "sum(x, 1, keepdim=True), x=[[1],[2],[3],[4]]; d/dx with u=1",
     [torch.tensor([[1.], [2.], [3.], [4.]]).sum(1, keepdim=True).tolist(),
      grads(lambda x: x.sum(1, keepdim=True), [[1.], [1.], [1.], [1.]], [[1.], [2.], [3.], [4.]])[0]])
show("LOSS_IGNORES_UPSTREAM", "d/dp of 2 * sum((p - t)^2), p=[1,2,3], t=[0,0,1]",
     grads(lambda p, t: ((p - t) ** 2).sum(), 2., [1., 2., 3.], [0., 0., 1.])[0])
show("LOSS_IGNORES_UPSTREAM", "d/dx of 2 * cross_entropy(x, [2,0], mean), x=[[1,2,3],[1,0,-1]]",
     grads(lambda x: torch.nn.functional.cross_entropy(x, torch.tensor([2, 0])), 2., [[1., 2., 3.], [1., 0., -1.]])[0])
x = torch.tensor(-1.)
show("PRECISE_GELU_BRACKET", "gelu(-1, approximate='tanh'); SameDiff's formula with (0.044715 x)^3",
     [torch.nn.functional.gelu(x, approximate="tanh").item(),
      (0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + (0.044715 * x) ** 3)))).item()])
show("VARIANCE_POPULATION", "d/dx var(x, unbiased=False), x=[[1,2,3,4]]",
     grads(lambda x: x.var(1, unbiased=False), [1.], [[1., 2., 3., 4.]])[0])
show("VARIANCE_FLOAT_FACTOR", "d/dx var(x, unbiased=True), x=[[1,2,3,4]]",
     grads(lambda x: x.var(1, unbiased=True), [1.], [[1., 2., 3., 4.]])[0])
show("CUMSUM_ALONG_AXIS_1", "d/dx of sum(u * cumsum(x, 1)), x=[[0.5,-1,2],[1.5,0,-2]], u=[[1,2,3],[4,5,6]]",
     grads(lambda x: torch.cumsum(x, 1), [[1., 2., 3.], [4., 5., 6.]], [[0.5, -1., 2.], [1.5, 0., -2.]])[0])
show("LOG_SUM_EXP_AXIS_BACKWARD", "d/dx of sum(u * logsumexp(x, 1)), x=[[1,2,3],[1,0,-1]], u=[1,1]",
     grads(lambda x: torch.logsumexp(x, 1), [1., 1.], [[1., 2., 3.], [1., 0., -1.]])[0])
show("MAXIMUM_MINIMUM_TIE", "d/dx of sum(u * max(x, x)) and of min(x, x), x=[0.5,-1,2], u=[1,2,3]",
     [grads(lambda x: torch.maximum(x, x), [1., 2., 3.], [0.5, -1., 2.])[0],
      grads(lambda x: torch.minimum(x, x), [1., 2., 3.], [0.5, -1., 2.])[0]])
show("SOFTMAX_UNDERFLOW_NAN", "softmax([[-1000,-1001,-1002],[1,2,3]], 1)",
     torch.softmax(torch.tensor([[-1000., -1001., -1002.], [1., 2., 3.]]), 1).tolist())
